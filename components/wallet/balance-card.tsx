import { formatAmount, type AssetDisplay } from "@/components/money/format";

interface Props {
  asset: AssetDisplay;
  available: string;
  locale: string;
  accountName: string;
}

export function BalanceCard({ asset, available, locale, accountName }: Props) {
  const negative = available.startsWith("-");
  return (
    <section
      aria-labelledby={`balance-${asset.code}`}
      className="rounded-xl border border-line bg-surface-raised p-5 shadow-sm"
      data-testid={`balance-${asset.code}`}
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={`balance-${asset.code}`} className="text-sm font-medium text-fg-muted">
          {asset.symbol && asset.kind === "custom" ? <span aria-hidden>{asset.symbol} </span> : null}
          {asset.name}
        </h2>
        {accountName !== "default" && <span className="text-xs text-fg-muted">{accountName}</span>}
      </div>
      <p className={`tabular mt-2 text-3xl font-semibold tracking-tight ${negative ? "text-danger" : ""}`} data-testid="available">
        {formatAmount(available, asset, locale)}
      </p>
      <p className="mt-1 text-xs text-fg-muted">Available balance</p>
    </section>
  );
}
