import type { Metadata } from "next";
import { StandalonePage } from "@/components/portal/standalone-page";
import { getDb } from "@/lib/kernel/db";
import { findPlatform } from "@/lib/domain/platforms/get-platform";
import { verifiedSignInPlatform } from "@/lib/domain/portal-sessions/sign-in-platform";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const db = await getDb();
  const platformId = await verifiedSignInPlatform(db, params);
  const branding = platformId ? ((await findPlatform(db, platformId))?.branding ?? null) : null;
  if (params.limited === "1") {
    return (
      <StandalonePage branding={branding} title="Too many requests">
        <p>Too many sign-in emails were asked for just now. Wait a few minutes, then try again.</p>
      </StandalonePage>
    );
  }
  return (
    <StandalonePage branding={branding} title="Check your email">
      <p>If that address belongs to {branding ? `a ${branding.name}` : "a"} billing account, we have sent it a sign-in link. It works once, for 10 minutes.</p>
      <p>Nothing there after a few minutes? Check your spam folder, or open billing from {branding?.name ?? "the app you use"}.</p>
    </StandalonePage>
  );
}
