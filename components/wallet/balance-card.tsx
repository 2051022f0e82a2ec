import Link from "next/link";
import { formatAmount } from "@/components/money/format";
import { fiatDisplay } from "@/components/money/fiat-display";
import type { BalanceView } from "@/lib/wallet/balance-views";
import type { SpendFigures } from "@/lib/wallet/spend/spend-summary";

interface Props {
  balance: BalanceView;
  spend?: SpendFigures;
  locale: string;
  canTopUp: boolean;
}

type State = "negative" | "empty" | "low" | "ok";

function stateOf(balance: BalanceView, spend: SpendFigures | undefined): State {
  if (balance.available.startsWith("-")) return "negative";
  if (/^0(\.0*)?$/.test(balance.available)) return "empty";
  if (spend?.runwayDays !== null && spend?.runwayDays !== undefined && spend.runwayDays < 3) return "low";
  return "ok";
}

const MESSAGES: Record<Exclude<State, "ok">, string> = {
  negative: "Your balance is below zero. Usage is still recorded; a top-up settles it.",
  empty: "This balance is empty. Top up to keep using the service without interruption.",
  low: "Running low: at your recent usage this won’t last three days.",
};

export function BalanceCard({ balance, spend, locale, canTopUp }: Props) {
  const { asset } = balance;
  const state = stateOf(balance, spend);
  const topUpHref = `/top-up?account=${encodeURIComponent(balance.accountId)}`;
  return (
    <section
      aria-labelledby={`balance-${asset.code}`}
      className={`flex flex-col rounded-xl border bg-surface-raised p-5 shadow-sm ${state === "ok" ? "border-line" : state === "low" ? "border-warning" : "border-danger"}`}
      data-testid={`balance-${asset.code}`}
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={`balance-${asset.code}`} className="text-sm font-medium text-fg-muted">
          {asset.symbol && asset.kind === "custom" ? <span aria-hidden>{asset.symbol} </span> : null}
          {asset.name}
          {balance.accountName !== "default" ? ` · ${balance.accountName}` : ""}
        </h2>
      </div>
      <p className={`tabular mt-2 text-3xl font-semibold tracking-tight ${state === "negative" ? "text-danger" : ""}`} data-testid="available">
        {formatAmount(balance.available, asset, locale)}
      </p>
      {balance.fiatValue && (
        <p className="tabular mt-1 text-sm text-fg-muted" data-testid="fiat-value">
          ≈ {fiatDisplay(balance.fiatValue.amount, balance.fiatValue.currency, locale)} at{" "}
          {fiatDisplay(balance.fiatValue.unitPrice, balance.fiatValue.currency, locale, 6)} per {asset.label ?? asset.code}
        </p>
      )}
      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
        {spend && (
          <div>
            <dt className="text-fg-muted">Spent this month</dt>
            <dd className="tabular font-medium" data-testid="spent-this-month">{formatAmount(spend.spentThisMonth, asset, locale)}</dd>
          </div>
        )}
        {balance.pendingIn !== "0" && (
          <div>
            <dt className="text-fg-muted">Top-ups pending</dt>
            <dd className="tabular font-medium" data-testid="pending-in">{formatAmount(balance.pendingIn, asset, locale)}</dd>
          </div>
        )}
        {spend?.runwayDays !== null && spend?.runwayDays !== undefined && state !== "negative" && (
          <div className="col-span-2">
            <dt className="sr-only">Balance runway</dt>
            <dd className="text-fg-muted" data-testid="runway">
              At your 7-day spend rate this lasts ~{spend.runwayDays} {spend.runwayDays === 1 ? "day" : "days"}.
            </dd>
          </div>
        )}
      </dl>
      {state !== "ok" && (
        <p role="status" className={`mt-4 rounded-md px-3 py-2 text-sm ${state === "low" ? "bg-warning-soft text-warning" : "bg-danger-soft text-danger"}`}>
          {MESSAGES[state]}
        </p>
      )}
      {canTopUp && (
        <div className="mt-4 pt-1">
          <Link href={topUpHref} className={`text-sm font-semibold ${state === "ok" ? "text-brand-text" : "text-fg underline"}`}>
            Top up {asset.name}
          </Link>
        </div>
      )}
    </section>
  );
}
