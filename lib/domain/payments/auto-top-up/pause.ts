import { dec } from "@/lib/kernel/money";
import { moneyText } from "@/lib/kernel/money/format";
import { monthStart } from "./caps";
import type { AttemptRow, AutoTopUpRow } from "@/lib/domain/payments/attempts/store";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Why an auto top-up that is on will not charge now, and from when it can again (null: when the customer acts). */
export interface AutoTopUpPause {
  reason: string;
  until: string | null;
}

/**
 * The real state of an auto top-up that is switched on, from the same rules the trigger applies
 * (lib/domain/payments/auto-top-up/caps.ts): a card to confirm, the daily or monthly limit, or a decline's
 * back-off. `attempts` are the account's, newest first.
 */
export function pauseOf(config: AutoTopUpRow, attempts: AttemptRow[], maxPerDay: number, at: Date): AutoTopUpPause | null {
  if (!config.enabled) return null;
  if (config.actionRequiredAttemptId) return { reason: "Your bank wants you to confirm your card.", until: null };
  const charges = attempts.filter((a) => a.status !== "skipped" && a.createdAt.getTime() > at.getTime() - DAY_MS);
  if (charges.length >= maxPerDay) {
    const frees = new Date(charges[maxPerDay - 1]!.createdAt.getTime() + DAY_MS);
    return { reason: `The daily limit of ${maxPerDay} automatic ${maxPerDay === 1 ? "top-up" : "top-ups"} in 24 hours is reached.`, until: frees.toISOString() };
  }
  if (config.monthlyCap !== null) {
    const since = monthStart(at);
    const charged = attempts
      .filter((a) => ["pending", "processing", "succeeded"].includes(a.status) && a.createdAt >= since)
      .reduce((sum, a) => sum.plus(a.amount), dec("0"));
    if (charged.plus(dec(config.amount)).gt(dec(config.monthlyCap))) {
      const next = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
      return { reason: `Your monthly limit of ${moneyText(dec(config.monthlyCap), config.currency)} is reached.`, until: next.toISOString() };
    }
  }
  if (config.retryAfter && config.retryAfter > at) return { reason: "The last automatic top-up was declined.", until: config.retryAfter.toISOString() };
  return null;
}
