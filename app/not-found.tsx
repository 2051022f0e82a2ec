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
  return { title: { absolute: await standaloneTitle(branding, t("notFoundTitle")) }, ...(branding ? { icons: { icon: platformIcon(branding) } } : {}) };
}

// Any address the portal does not have, in the platform's brand when this browser knows it, with a way back.
export default async function NotFound() {
  const { branding, signedIn } = await visitorPlatform();
  const t = await getTranslations("standalone");
  return (
    <StandalonePage branding={branding} title={t("notFoundHeading")}>
      <p>{t("notFoundText")}</p>
      <WayBack branding={branding} signedIn={signedIn} />
    </StandalonePage>
  );
}
