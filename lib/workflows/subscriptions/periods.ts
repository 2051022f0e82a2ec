import type { Interval } from "@/lib/domain/catalog/definition";

const DAY_MS = 86_400_000;

/**
 * `at` moved forward by `count` intervals, in UTC. Months keep the day of month where it exists and
 * clamp to the month's last day otherwise (31 Jan + 1 month = 28/29 Feb), as card billing does.
 */
export function addInterval(at: Date, interval: Interval, count: number): Date {
  if (interval === "day") return new Date(at.getTime() + count * DAY_MS);
  if (interval === "week") return new Date(at.getTime() + count * 7 * DAY_MS);
  const months = interval === "year" ? 12 * count : count;
  const target = new Date(at);
  const day = at.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** Declined renewals are retried this many days after the period ended; after the last one fails the subscription is canceled. */
const RENEWAL_RETRY_DAYS = [1, 3, 5] as const;

export function retryAt(periodEnd: Date, failures: number): Date | null {
  const days = RENEWAL_RETRY_DAYS[failures - 1];
  return days === undefined ? null : new Date(periodEnd.getTime() + days * DAY_MS);
}
