"use client";

import { assetName } from "@/lib/kernel/i18n/asset-name";
import { useLocale, useTranslations } from "next-intl";
import { formatDate } from "@/lib/kernel/format/dates";
import { formatAmount } from "@/lib/kernel/money/format";
import { EmptyState } from "@/components/ui/card";
import { CardTable } from "@/components/ui/card-table";
import type { CreditTimeline as CreditTimelineData, TimelineGrant } from "@/lib/domain/grants/timeline";
import { useCreditTimeline } from "@/lib/workflows/queries/credits";

/** "Promotional · Credits, from coupon BONUS20": what the credit is and where it came from. */
function useOrigin(): (g: TimelineGrant) => string {
  const t = useTranslations("credits");
  const locale = useLocale();
  return (g) => {
    const what = t("what", { purpose: t("purpose", { purpose: g.purpose }), asset: assetName(g.asset, locale) });
    if (g.purpose === "unexpiring") return t("unexpiring", { what });
    if (!g.sourceName) return what;
    return t("fromSource", { what, source: g.source, name: g.sourceName });
  };
}

/** The rows in consumption order, then the balances they add up to. */
function Grants({ data, locale, timeZone }: { data: CreditTimelineData; locale: string; timeZone: string }) {
  const t = useTranslations("credits");
  const origin = useOrigin();
  const columns = [{ label: t("order") }, { label: t("credits") }, { label: t("left") }, { label: t("expires") }];
  return (
    <>
      <CardTable columns={columns} caption={t("caption")}>
        {data.grants.map((g, i) => (
          <tr key={g.id} className="border-t border-line" data-purpose={g.purpose}>
            <td className="px-4 py-3 tabular text-fg-muted">{i + 1}</td>
            <td className="px-4 py-3" data-testid="credit-origin">{origin(g)}</td>
            <td className="px-4 py-3 tabular sm:text-end">
              {formatAmount(g.remaining, g.asset, locale)}
              {g.purpose !== "unexpiring" && <span className="text-fg-muted">{t("of", { amount: formatAmount(g.amount, g.asset, locale) })}</span>}
            </td>
            <td className="px-4 py-3">{g.expiresAt ? formatDate(g.expiresAt, locale, timeZone) : t("never")}</td>
          </tr>
        ))}
      </CardTable>
      <ul className="space-y-1 text-sm text-fg-muted">
        {data.balances.map((b) => (
          <li key={b.asset.code} data-testid={`credit-total-${b.asset.code}`}>
            {t.rich("addUpTo", {
              asset: assetName(b.asset, locale),
              balance: formatAmount(b.available, b.asset, locale),
              value: (chunks) => <span className="tabular font-medium text-fg">{chunks}</span>,
            })}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Everything the customer's balances hold, in the order usage spends it, with what is left of each, where
 * it came from and when it expires; the rows of each asset add up to its balance, as the last lines say.
 */
export function CreditTimeline({ locale, timeZone }: { locale: string; timeZone: string }) {
  const { data, error } = useCreditTimeline();
  const t = useTranslations("credits");
  if (error) return <p role="alert" className="text-sm text-danger">{error.message}</p>;
  if (!data) return null;
  return (
    <div className="space-y-3" data-testid="credit-timeline">
      {data.bonuses.length > 0 && (
        <ul className="space-y-1 rounded-xl border border-line bg-surface-raised p-4 text-sm">
          {data.bonuses.map((b) => (
            <li key={b.code} data-testid="pending-bonus">
              {t.rich("pendingBonus", { code: b.code, percent: b.percent, count: b.topUpsLeft, name: (chunks) => <span className="font-medium">{chunks}</span> })}
            </li>
          ))}
        </ul>
      )}
      {data.grants.length === 0 && <EmptyState title={t("none")}>{t("noneText")}</EmptyState>}
      {data.grants.length > 0 && <Grants data={data} locale={locale} timeZone={timeZone} />}
    </div>
  );
}
