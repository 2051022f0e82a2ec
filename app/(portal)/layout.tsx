import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { ExpiryBanner } from "@/components/credits/expiry-banner";
import { platformIcon } from "@/components/portal/platform-icon";
import { platformTitle } from "@/components/portal/platform-title";
import { getTranslations } from "next-intl/server";
import { IdleWarning } from "@/components/portal/idle-warning";
import { PortalShell } from "@/components/portal/portal-shell";
import { TimeZoneSync } from "@/components/portal/time-zone-sync";
import { expiringCreditsFor } from "@/lib/domain/grants/timeline";
import { env } from "@/lib/kernel/env";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";

export async function generateMetadata(): Promise<Metadata> {
  const { platform } = await getPortalContext();
  return { title: await platformTitle(platform.branding), icons: { icon: platformIcon(platform.branding) } };
}

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const ctx = await getPortalContext();
  const expiring = await expiringCreditsFor(ctx.readDb, ctx.scope);
  const t = await getTranslations("shell");
  const customerLabel = ctx.customer.name ?? ctx.customer.email ?? ctx.customer.externalId ?? t("yourAccount");
  return (
    <Providers>
      <TimeZoneSync serverTimeZone={ctx.timeZone} />
      <PortalShell branding={ctx.platform.branding} returnUrl={ctx.returnUrl} customerLabel={customerLabel}>
        <ExpiryBanner expiring={expiring} locale={ctx.locale} timeZone={ctx.timeZone} />
        {children}
        <IdleWarning idleMinutes={env().SESSION_IDLE_MINUTES} platformName={ctx.platform.branding.name} returnUrl={ctx.returnUrl} />
      </PortalShell>
    </Providers>
  );
}
