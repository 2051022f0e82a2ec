import type { Metadata } from "next";
import { BalanceCard } from "@/components/wallet/balance-card";
import { getPortalContext } from "@/lib/portal/portal-context";
import { assetDisplay, listBalances } from "@/lib/wallet/balances";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const ctx = await getPortalContext();
  const balances = await listBalances(ctx.db, ctx.scope);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
      {balances.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line p-6 text-fg-muted">
          Your wallet is empty for now. Balances appear here as soon as credit is added.
        </p>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {balances.map((b) => (
            <BalanceCard
              key={b.account.id}
              asset={assetDisplay(b.asset)}
              available={b.account.available.toString()}
              locale={ctx.locale}
              accountName={b.account.name}
            />
          ))}
        </div>
      )}
    </div>
  );
}
