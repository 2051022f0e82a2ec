import { useTranslations } from "next-intl";
import { formatAmount, formatNumber, type AssetDisplay } from "@/lib/kernel/money/format";
import type { UsageFeeView } from "@/lib/workflows/wallet/usage/view";

/** "Token usage (model: gpt-4): 2,000 × $0.03 = $60.00" — how one fee was billed. */
export function FeeDescription({ fee, asset, locale }: { fee: UsageFeeView; asset: AssetDisplay | undefined; locale: string }) {
  const t = useTranslations("usage");
  // Prices per unit are rates, shown exactly; the fee itself is an amount, shown as the usage row shows it.
  const rate = (v: string) => (asset ? formatAmount(v, asset, locale, { rate: true }) : v);
  const money = (v: string) => (asset ? formatAmount(v, asset, locale) : v);
  const dims = Object.entries(fee.dimensions);
  const parts: string[] = [];
  if (fee.unitPrice) parts.push(t("perEvent", { rate: rate(fee.unitPrice) }));
  if (fee.volumeRate) {
    const quantity = formatNumber(fee.quantity, 12, locale);
    parts.push(
      fee.packageSize && fee.packageSize !== "1"
        ? t("perPackage", { quantity, rate: rate(fee.volumeRate), size: formatNumber(fee.packageSize, 0, locale) })
        : t("each", { quantity, rate: rate(fee.volumeRate) }),
    );
  }
  return (
    <span className="block">
      <span className="font-medium">{fee.priceName}</span>
      {dims.length > 0 && <span className="text-fg-muted"> ({dims.map(([k, v]) => `${k}: ${v}`).join(", ")})</span>}
      <span className="block text-fg-muted">
        {t.rich("feeTotal", { parts: parts.join(" + "), amount: money(fee.amount), value: (chunks) => <span className="tabular text-fg">{chunks}</span> })}
      </span>
    </span>
  );
}
