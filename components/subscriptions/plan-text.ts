import { useTranslations } from "next-intl";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";

type Priced = { amount: string; currency: AssetDisplay; interval: string; intervalCount: number };

/** "$20.00 / month", "$200.00 / 2 years" in the reader's language and locale. */
export function usePriceText(): (plan: Priced, locale: string) => string {
  const t = useTranslations("plan");
  return (plan, locale) => t("price", { amount: formatAmount(plan.amount, plan.currency, locale), count: plan.intervalCount, interval: plan.interval });
}
