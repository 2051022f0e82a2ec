import { getTranslations } from "next-intl/server";
import type { Branding } from "@/lib/domain/platforms/branding-schema";

/** Page titles that say whose billing this is: "Usage · Glitch AI billing", in the reader's language. */
export async function platformTitle(branding: Branding) {
  const t = await getTranslations("meta");
  return { template: t("platformTitleTemplate", { page: "%s", platform: branding.name }), default: t("platformTitle", { platform: branding.name }) };
}

/** The title of a page without a session, branded when the platform is known. */
export async function standaloneTitle(branding: Branding | null, page: string): Promise<string> {
  const t = await getTranslations("meta");
  return branding ? t("platformTitleTemplate", { page, platform: branding.name }) : t("titleTemplate", { page });
}
