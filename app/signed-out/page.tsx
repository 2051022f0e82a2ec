import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { standaloneTitle } from "@/components/portal/platform-title";
import { platformIcon } from "@/components/portal/platform-icon";
import { StandalonePage } from "@/components/portal/standalone-page";
import { WayBack } from "@/components/portal/way-back";
import { visitorPlatform } from "@/lib/domain/portal-sessions/visitor-platform";

export async function generateMetadata(): Promise<Metadata> {
  const { branding } = await visitorPlatform();
  const t = await getTranslations("standalone");
  return { title: { absolute: await standaloneTitle(branding, t("signedOutTitle")) }, ...(branding ? { icons: { icon: platformIcon(branding) } } : {}) };
}

export default async function SignedOutPage() {
  const { branding } = await visitorPlatform();
  const t = await getTranslations("standalone");
  return (
    <StandalonePage branding={branding} title={t("signedOutHeading")}>
      <p>{t("signedOutText", { platform: branding?.name ?? t("theAppYouUse") })}</p>
      <WayBack branding={branding} signedIn={false} />
    </StandalonePage>
  );
}
