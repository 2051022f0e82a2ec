import { assetName } from "@/lib/kernel/i18n/asset-name";
import { useTranslations } from "next-intl";
import { formatAmount } from "@/lib/kernel/money/format";
import type { TopUpView } from "@/lib/domain/payments/top-ups/portal-view";
import { useCardLabel } from "./card-label";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { rateText } from "./rate-text";

/** What a completed top-up charged and credited, at what rate, with which card. */
export function Receipt({ topUp: t, locale, timeZone }: { topUp: TopUpView; locale: string; timeZone: string }) {
  const m = useTranslations("receipt");
  const cardLabel = useCardLabel();
  // [test id, label, value]: test ids stay the same in every language.
  const rows: [string, string, string][] = [
    ["amount-charged", m("amountCharged"), formatAmount(t.amount, t.currency, locale)],
    t.origin === "subscription"
      ? ["paid-for", m("paidFor"), m("planName", { name: t.description ?? m("subscription") })]
      : ["added-to-your-balance", m("addedToBalance"), m("unitsOf", { units: formatAmount(t.units, t.asset, locale), asset: assetName(t.asset, locale) })],
  ];
  if (t.bonusUnits) rows.push(["bonus-from-your-coupon", m("bonus"), m("unitsOf", { units: formatAmount(t.bonusUnits, t.asset, locale), asset: assetName(t.asset, locale) })]);
  if (t.rate) {
    const rate = rateText(t.rate, t.asset, t.currency, locale);
    rows.push(["rate", m("rate"), t.rate.source === "override" ? m("agreedRate", { rate }) : rate]);
  }
  if (t.card) rows.push(["card", m("card"), cardLabel(t.card)]);
  rows.push(["paid-on", m("paidOn"), formatDateTime(t.completedAt ?? t.createdAt, locale, timeZone)], ["reference", m("reference"), t.id]);
  return (
    <section aria-labelledby={`receipt-${t.id}`} className="rounded-xl border border-line bg-surface-raised p-5 shadow-sm" data-testid="receipt">
      <h2 id={`receipt-${t.id}`} className="text-lg font-semibold">{m("title")}</h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([id, label, value]) => (
          <div key={id} className="contents">
            <dt className="text-fg-muted">{label}</dt>
            <dd className="tabular font-medium" data-testid={`receipt-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      {t.receiptUrl && (
        <p className="mt-4 text-sm">
          <a href={t.receiptUrl} className="font-medium text-brand-text underline" target="_blank" rel="noreferrer">
            {m("stripeReceipt")}<span className="sr-only">{m("newTab")}</span>
          </a>
        </p>
      )}
    </section>
  );
}
