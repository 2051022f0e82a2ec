import { useTranslations } from "next-intl";
import type { SpendLane } from "@/lib/domain/platforms/spend-lanes";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import type { UsageView } from "@/lib/workflows/wallet/usage/view";
import { FeeDescription } from "./fee-description";

interface Props {
  u: UsageView;
  assets: Record<string, AssetDisplay>;
  locale: string;
  lanes?: SpendLane[];
}

/** How one usage record was billed: the event's description, its visible lanes, each fee's formula and the balance after. */
export function UsageDetails({ u, assets, locale, lanes = [] }: Props) {
  const t = useTranslations("usage");
  const shown = lanes.filter((l) => u.lanes[l.dimension] !== undefined);
  return (
    <div className="space-y-2 text-sm leading-relaxed">
      {u.description && <p>{u.description}</p>}
      {shown.length > 0 && (
        <p className="break-words text-fg-muted" data-testid="usage-lanes">
          {shown.map((l, i) => (
            <span key={l.dimension}>
              {i > 0 && " · "}
              {l.label}: <span className="text-fg">{u.lanes[l.dimension]}</span>
            </span>
          ))}
        </p>
      )}
      {u.fees.map((f, i) => (
        <FeeDescription key={i} fee={f} asset={assets[f.asset]} locale={locale} />
      ))}
      {u.charges.map((c) =>
        c.balanceAfter !== null && assets[c.asset] ? (
          <p key={c.asset} className="text-fg-muted">
            {t.rich("balanceAfter", {
              balance: formatAmount(c.balanceAfter, assets[c.asset]!, locale),
              value: (chunks) => <span className="tabular text-fg">{chunks}</span>,
            })}
          </p>
        ) : null,
      )}
    </div>
  );
}
