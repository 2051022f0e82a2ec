import type { SpendBucket } from "@/lib/workflows/wallet/spend/ranges";
import { dateTimeFormat } from "@/lib/kernel/format/intl-cache";

/** "Nov 3", "Week of Nov 3" or "Nov 2026" for a bucket's local start date (YYYY-MM-DD). */
export function bucketLabel(day: string, bucket: SpendBucket, locale: string, long = false): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (bucket === "month") return dateTimeFormat(locale, { month: long ? "long" : "short", year: "numeric", timeZone: "UTC" }).format(date);
  const text = dateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" }).format(date);
  return bucket === "week" ? `${long ? "Week of " : ""}${text}` : text;
}
