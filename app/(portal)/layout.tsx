import type { ReactNode } from "react";
import { PortalShell } from "@/components/portal/portal-shell";
import { getPortalContext } from "@/lib/portal/portal-context";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const ctx = await getPortalContext();
  const customerLabel = ctx.customer.name ?? ctx.customer.email ?? ctx.customer.externalId ?? "your account";
  return (
    <PortalShell branding={ctx.platform.branding} returnUrl={ctx.returnUrl} customerLabel={customerLabel}>
      {children}
    </PortalShell>
  );
}
