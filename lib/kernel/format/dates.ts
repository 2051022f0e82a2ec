import { dateTimeFormat } from "@/lib/kernel/format/intl-cache";
/** Date and time in the reader's language and timezone. */
export function formatDateTime(iso: string, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
}

export function formatDate(iso: string, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(iso));
}

/** "November 2026" for a YYYY-MM month. */
export function formatMonth(month: string, locale: string): string {
  const [y, m] = month.split("-").map(Number);
  return dateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(y!, m! - 1, 1)));
}
