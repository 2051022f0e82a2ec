import type { ReactNode } from "react";
import { Providers } from "@/app/providers";
import { ExpiryBanner } from "@/components/credits/expiry-banner";
import { PortalShell } from "@/components/portal/portal-shell";
import { TimeZoneSync } from "@/components/portal/time-zone-sync";
import { expiringCreditsFor } from "@/lib/grants/timeline";
import { getPortalContext } from "@/lib/portal/portal-context";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const ctx = await getPortalContext();
  const expiring = await expiringCreditsFor(ctx.readDb, ctx.scope);
  const customerLabel = ctx.customer.name ?? ctx.customer.email ?? ctx.customer.externalId ?? "your account";
  return (
    <Providers>
      <TimeZoneSync serverTimeZone={ctx.timeZone} />
      <PortalShell branding={ctx.platform.branding} returnUrl={ctx.returnUrl} customerLabel={customerLabel}>
        <ExpiryBanner expiring={expiring} locale={ctx.locale} timeZone={ctx.timeZone} />
        {children}
      </PortalShell>
    </Providers>
  );
}
