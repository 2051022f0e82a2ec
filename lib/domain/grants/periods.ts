import type { Interval } from "@/lib/domain/catalog/definition";

/** `at` moved forward by `count` intervals in UTC; a month from 31 Jan is the last day of February. */
export function addIntervals(at: Date, interval: Interval, count: number): Date {
  const d = new Date(at);
  if (interval === "day") d.setUTCDate(d.getUTCDate() + count);
  else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7 * count);
  else {
    const months = interval === "month" ? count : 12 * count;
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() + months);
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, last));
  }
  return d;
}
