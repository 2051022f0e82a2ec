"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * The server renders dates and month boundaries in the timezone it was told; the first time the
 * browser's own differs, record it in a cookie and render again.
 */
export function TimeZoneSync({ serverTimeZone }: { serverTimeZone: string }) {
  const router = useRouter();
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browser || browser === serverTimeZone) return;
    document.cookie = `billfold_tz=${encodeURIComponent(browser)}; Path=/; Max-Age=31536000; SameSite=Lax`;
    router.refresh();
  }, [router, serverTimeZone]);
  return null;
}
