import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailSignInForm } from "@/components/portal/email-sign-in-form";
import { StandalonePage } from "@/components/portal/standalone-page";
import { emailSignInForm } from "@/lib/domain/notifications/sign-in-request";
import { getDb } from "@/lib/kernel/db";
import { verifiedLinkErrorPlatform } from "@/lib/domain/portal-sessions/link-error";
import { findPlatform } from "@/lib/domain/platforms/get-platform";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("standalone");
  return { title: t("linkErrorTitle") };
}

export default async function LinkErrorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const db = await getDb();
  // Branded only when sign-in signed the platform into this address; an edited address gets the neutral page.
  const platformId = await verifiedLinkErrorPlatform(db, await searchParams);
  const platform = platformId ? await findPlatform(db, platformId) : null;
  const branding = platform?.branding ?? null;
  const t = await getTranslations("standalone");
  return (
    <StandalonePage branding={branding} title={t("linkErrorHeading")}>
      <p>{t("linkErrorText")}</p>
      <p>{t("linkErrorAgain", { platform: branding?.name ?? t("theAppYouCameFrom") })}</p>
      {branding?.homeUrl && (
        <p>
          <a className="font-medium text-brand-text underline" href={branding.homeUrl}>
            {t("backTo", { platform: branding.name })}
          </a>
        </p>
      )}
      <EmailSignInForm form={await emailSignInForm(db, platformId)} />
    </StandalonePage>
  );
}
