import { dateTimeFormat } from "@/lib/kernel/format/intl-cache";

export const TIMEZONE_COOKIE = "billfold_tz";

/** A canonical locale Intl supports, or null. */
export function validLocale(value: string | null | undefined): string | null {
  if (!value || value.length > 35) return null;
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    if (!canonical) return null;
    return Intl.NumberFormat.supportedLocalesOf([canonical]).length > 0 ? canonical : null;
  } catch {
    return null;
  }
}

export function validTimeZone(value: string | null | undefined): string | null {
  if (!value || value.length > 64) return null;
  try {
    return dateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** One cookie of a Cookie header, percent-decoded; undefined when absent or not valid UTF-8. */
export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join("="));
    } catch {
      return undefined; // not percent-encoded UTF-8: no timezone, as if the cookie were missing
    }
  }
  return undefined;
}

/** The customer's timezone for an API request (cookie set by the browser), UTC when unknown. */
export function timeZoneOf(req: Request): string {
  return validTimeZone(cookieValue(req.headers.get("cookie"), TIMEZONE_COOKIE)) ?? "UTC";
}
