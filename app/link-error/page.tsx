import type { Metadata } from "next";
import { EmailSignInForm } from "@/components/portal/email-sign-in-form";
import { StandalonePage } from "@/components/portal/standalone-page";
import { emailSignInForm } from "@/lib/domain/notifications/sign-in-request";
import { getDb } from "@/lib/kernel/db";
import { verifiedLinkErrorPlatform } from "@/lib/domain/portal-sessions/link-error";
import { findPlatform } from "@/lib/domain/platforms/get-platform";

export const metadata: Metadata = { title: "Link not valid" };

export default async function LinkErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = await getDb();
  // Branded only when sign-in signed the platform into this address; an edited address gets the neutral page.
  const platformId = await verifiedLinkErrorPlatform(db, await searchParams);
  const platform = platformId ? await findPlatform(db, platformId) : null;
  const branding = platform?.branding ?? null;
  return (
    <StandalonePage branding={branding} title="This billing link isn’t valid">
      <p>
        Billing links work once and only for a few minutes. This one could not be used, so nothing was opened and
        you are not signed in.
      </p>
      <p>Go back to {branding?.name ?? "the app you came from"} and open billing again to get a fresh link.</p>
      {branding?.homeUrl && (
        <p>
          <a className="font-medium text-brand-text underline" href={branding.homeUrl}>
            Back to {branding.name}
          </a>
        </p>
      )}
      <EmailSignInForm form={await emailSignInForm(db, platformId)} />
    </StandalonePage>
  );
}
