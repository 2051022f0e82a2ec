import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Branding } from "@/lib/domain/platforms/branding-schema";

/** The ways out of a dead end: the billing overview when signed in, and the platform's own site when known. */
export async function WayBack({ branding, signedIn }: { branding: Branding | null; signedIn: boolean }) {
  if (!signedIn && !branding?.homeUrl) return null;
  const t = await getTranslations("standalone");
  return (
    <p className="flex flex-wrap gap-x-4 gap-y-2" data-testid="way-back">
      {signedIn && <Link className="font-medium text-brand-text underline" href="/">{t("goToOverview")}</Link>}
      {branding?.homeUrl && <a className="font-medium text-brand-text underline" href={branding.homeUrl}>{t("backTo", { platform: branding.name })}</a>}
    </p>
  );
}
