import type { Metadata } from "next";
import { platformIcon } from "@/components/portal/platform-icon";
import { StandalonePage } from "@/components/portal/standalone-page";
import { WayBack } from "@/components/portal/way-back";
import { visitorPlatform } from "@/lib/domain/portal-sessions/visitor-platform";

export async function generateMetadata(): Promise<Metadata> {
  const { branding } = await visitorPlatform();
  return { title: { absolute: branding ? `Page not found · ${branding.name} billing` : "Page not found · Billing" }, ...(branding ? { icons: { icon: platformIcon(branding) } } : {}) };
}

// Any address the portal does not have, in the platform's brand when this browser knows it, with a way back.
export default async function NotFound() {
  const { branding, signedIn } = await visitorPlatform();
  return (
    <StandalonePage branding={branding} title="We can’t find that page">
      <p>The address may be mistyped, or the page may have moved.</p>
      <WayBack branding={branding} signedIn={signedIn} />
    </StandalonePage>
  );
}
