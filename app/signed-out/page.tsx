import type { Metadata } from "next";
import { platformIcon } from "@/components/portal/platform-icon";
import { StandalonePage } from "@/components/portal/standalone-page";
import { WayBack } from "@/components/portal/way-back";
import { visitorPlatform } from "@/lib/domain/portal-sessions/visitor-platform";

export async function generateMetadata(): Promise<Metadata> {
  const { branding } = await visitorPlatform();
  return { title: { absolute: branding ? `Signed out · ${branding.name} billing` : "Signed out · Billing" }, ...(branding ? { icons: { icon: platformIcon(branding) } } : {}) };
}

export default async function SignedOutPage() {
  const { branding } = await visitorPlatform();
  return (
    <StandalonePage branding={branding} title="You’re signed out">
      <p>Your billing session has ended. To see your balances again, open billing from {branding?.name ?? "the app you use"}.</p>
      <WayBack branding={branding} signedIn={false} />
    </StandalonePage>
  );
}
