import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailSignInForm } from "@/components/portal/email-sign-in-form";
import { standaloneTitle } from "@/components/portal/platform-title";
import { platformIcon } from "@/components/portal/platform-icon";
import { StandalonePage } from "@/components/portal/standalone-page";
import { WayBack } from "@/components/portal/way-back";
import { getDb } from "@/lib/kernel/db";
import { emailSignInForm } from "@/lib/domain/notifications/sign-in-request";
import { findPlatform } from "@/lib/domain/platforms/get-platform";
import { verifiedSignInPlatform } from "@/lib/domain/portal-sessions/sign-in-platform";
import { visitorPlatform } from "@/lib/domain/portal-sessions/visitor-platform";

type Params = Promise<Record<string, string | string[] | undefined>>;

/** The platform a signed link from an email names, else the one this browser last opened billing for. */
async function pagePlatform(searchParams: Params) {
  const db = await getDb();
  const named = await verifiedSignInPlatform(db, await searchParams);
  if (named) return { db, branding: (await findPlatform(db, named))?.branding ?? null, platformId: named };
  return { db, ...(await visitorPlatform()) };
}

export async function generateMetadata({ searchParams }: { searchParams: Params }): Promise<Metadata> {
  const { branding } = await pagePlatform(searchParams);
  const t = await getTranslations("standalone");
  return { title: { absolute: await standaloneTitle(branding, t("signedOutTitle")) }, ...(branding ? { icons: { icon: platformIcon(branding) } } : {}) };
}

export default async function SignedOutPage({ searchParams }: { searchParams: Params }) {
  const { db, branding, platformId } = await pagePlatform(searchParams);
  const t = await getTranslations("standalone");
  return (
    <StandalonePage branding={branding} title={t("signedOutHeading")}>
      <p>{t("signedOutText", { platform: branding?.name ?? t("theAppYouUse") })}</p>
      <WayBack branding={branding} signedIn={false} />
      <EmailSignInForm form={await emailSignInForm(db, platformId)} />
    </StandalonePage>
  );
}
