import { dateTimeFormat } from "@/lib/kernel/format/intl-cache";
/** The YYYY-MM month `date` falls in, in `timeZone`. */
function monthOf(date: Date, timeZone: string): string {
  const parts = dateTimeFormat("en-CA", { year: "numeric", month: "2-digit", timeZone }).formatToParts(date);
  const y = parts.find((p) => p.type === "year")!.value;
  const m = parts.find((p) => p.type === "month")!.value;
  return `${y}-${m}`;
}

/** Months from `since` up to the month of `now`, newest first, at most `max`. */
export function monthsBetween(since: Date, now: Date, timeZone: string, max = 24): string[] {
  const first = monthOf(since, timeZone);
  let [y, m] = monthOf(now, timeZone).split("-").map(Number) as [number, number];
  const out: string[] = [];
  while (out.length < max) {
    const value = `${y}-${String(m).padStart(2, "0")}`;
    out.push(value);
    if (value <= first) break;
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}
