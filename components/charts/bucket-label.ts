import type { SpendBucket } from "@/lib/workflows/wallet/spend/ranges";
import { dateTimeFormat } from "@/lib/kernel/format/intl-cache";

/**
 * "Nov 3", "Week of Nov 3, 2026" (the words from `weekOf`) or "Nov 2026" for a bucket's local start date (YYYY-MM-DD). The long
 * form (tables, descriptions) always has the year, since a 12-month range crosses one; `withYear` adds it
 * to the short form where the points do.
 */
export function bucketLabel(day: string, bucket: SpendBucket, locale: string, long = false, withYear = long, weekOf: (date: string) => string = (d) => d): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (bucket === "month") return dateTimeFormat(locale, { month: long ? "long" : "short", year: "numeric", timeZone: "UTC" }).format(date);
  const text = dateTimeFormat(locale, { month: "short", day: "numeric", ...(withYear ? { year: "numeric" } : {}), timeZone: "UTC" }).format(date);
  return bucket === "week" && long ? weekOf(text) : text;
}

/** Whether a series' buckets fall in more than one calendar year, so short labels need the year. */
export function spansYears(days: string[]): boolean {
  return new Set(days.map((d) => d.slice(0, 4))).size > 1;
}
