import { useTranslations } from "next-intl";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import type { UsageView } from "@/lib/workflows/wallet/usage/view";
import { FeeDescription } from "./fee-description";

/** How one usage record was billed: the event's description, each fee's formula and the balance after. */
export function UsageDetails({ u, assets, locale }: { u: UsageView; assets: Record<string, AssetDisplay>; locale: string }) {
  const t = useTranslations("usage");
  return (
    <div className="space-y-2 text-sm leading-relaxed">
      {u.description && <p>{u.description}</p>}
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
