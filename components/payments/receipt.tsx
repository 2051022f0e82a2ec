import { formatAmount } from "@/lib/kernel/money/format";
import type { TopUpView } from "@/lib/domain/payments/top-ups/portal-view";
import { cardLabel } from "./card-label";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { rateText } from "./rate-text";

/** What a completed top-up charged and credited, at what rate, with which card. */
export function Receipt({ topUp: t, locale, timeZone }: { topUp: TopUpView; locale: string; timeZone: string }) {
  const rows: [string, string][] = [
    ["Amount charged", formatAmount(t.amount, t.currency, locale)],
    t.origin === "subscription"
      ? ["Paid for", `${t.description ?? "Subscription"} (plan)`]
      : ["Added to your balance", `${formatAmount(t.units, t.asset, locale)} (${t.asset.name})`],
  ];
  if (t.bonusUnits) rows.push(["Bonus from your coupon", `${formatAmount(t.bonusUnits, t.asset, locale)} (${t.asset.name})`]);
  if (t.rate) rows.push(["Rate", `${rateText(t.rate, t.asset, t.currency, locale)}${t.rate.source === "override" ? " (agreed rate)" : ""}`]);
  if (t.card) rows.push(["Card", cardLabel(t.card)]);
  rows.push(["Paid on", formatDateTime(t.completedAt ?? t.createdAt, locale, timeZone)], ["Reference", t.id]);
  return (
    <section aria-labelledby={`receipt-${t.id}`} className="rounded-xl border border-line bg-surface-raised p-5 shadow-sm" data-testid="receipt">
      <h2 id={`receipt-${t.id}`} className="text-lg font-semibold">Receipt</h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-fg-muted">{label}</dt>
            <dd className="tabular font-medium" data-testid={`receipt-${label.toLowerCase().replace(/\s+/g, "-")}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {t.receiptUrl && (
        <p className="mt-4 text-sm">
          <a href={t.receiptUrl} className="font-medium text-brand-text underline" target="_blank" rel="noreferrer">
            View the payment receipt from Stripe<span className="sr-only"> (opens in a new tab)</span>
          </a>
        </p>
      )}
    </section>
  );
}
