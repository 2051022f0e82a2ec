import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";

/** "$20.00 / month", "$200.00 / 2 years" in the reader's locale. */
export function priceText(plan: { amount: string; currency: AssetDisplay; interval: string; intervalCount: number }, locale: string): string {
  const every = plan.intervalCount === 1 ? plan.interval : `${plan.intervalCount} ${plan.interval}s`;
  return `${formatAmount(plan.amount, plan.currency, locale)} / ${every}`;
}

const STATUS: Record<string, string> = { pending: "Waiting for payment", active: "Active", past_due: "Payment overdue", canceled: "Canceled" };

export function planStatusText(status: string): string {
  return STATUS[status] ?? status;
}
