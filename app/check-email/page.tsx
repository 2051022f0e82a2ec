import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StandalonePage } from "@/components/portal/standalone-page";
import { getDb } from "@/lib/kernel/db";
import { findPlatform } from "@/lib/domain/platforms/get-platform";
import { verifiedSignInPlatform } from "@/lib/domain/portal-sessions/sign-in-platform";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signInEmail");
  return { title: t("checkTitle") };
}

export default async function CheckEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const db = await getDb();
  const platformId = await verifiedSignInPlatform(db, params);
  const branding = platformId ? ((await findPlatform(db, platformId))?.branding ?? null) : null;
  const [t, standalone] = await Promise.all([getTranslations("signInEmail"), getTranslations("standalone")]);
  if (params.limited === "1") {
    return (
      <StandalonePage branding={branding} title={t("limitedTitle")}>
        <p>{t("limitedText")}</p>
      </StandalonePage>
    );
  }
  return (
    <StandalonePage branding={branding} title={t("checkTitle")}>
      <p>{branding ? t("sentPlatform", { platform: branding.name, minutes: 10 }) : t("sent", { minutes: 10 })}</p>
      <p>{t("nothingThere", { platform: branding?.name ?? standalone("theAppYouUse") })}</p>
    </StandalonePage>
  );
}
