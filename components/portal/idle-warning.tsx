"use client";

import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import { portalFetch } from "@/lib/workflows/queries/portal-fetch";

// The server records activity at most once a minute, so the page counts its idle time from a minute earlier.
const SERVER_LAG_MS = 60_000;
const WARN_BEFORE_MS = 2 * 60_000;

interface Props {
  idleMinutes: number;
  platformName: string;
  returnUrl: string;
}

/**
 * Two minutes before the idle limit ends the session, says so and offers to stay signed in (a request
 * that counts as activity); at the limit it says the session ended, instead of the next click landing
 * on the platform's failure page unannounced.
 */
export function IdleWarning(props: Props) {
  // Moving to another page is activity: a fresh timer for each page.
  return <IdleTimer key={usePathname()} {...props} />;
}

function IdleTimer({ idleMinutes, platformName, returnUrl }: Props) {
  const t = useTranslations("idle");
  const [activeAt, setActiveAt] = useState(() => Date.now());
  const [phase, setPhase] = useState<"quiet" | "warning" | "ended">("quiet");
  const limit = idleMinutes * 60_000 - SERVER_LAG_MS;

  useEffect(() => {
    const left = activeAt + limit - Date.now();
    const warn = setTimeout(() => setPhase("warning"), Math.max(0, left - WARN_BEFORE_MS));
    const end = setTimeout(() => setPhase("ended"), Math.max(0, left));
    return () => {
      clearTimeout(warn);
      clearTimeout(end);
    };
  }, [activeAt, limit]);

  const stay = useCallback(async () => {
    try {
      await portalFetch("/api/portal/balances");
      setActiveAt(Date.now());
      setPhase("quiet");
    } catch {
      setPhase("ended");
    }
  }, []);

  if (phase === "quiet") return null;
  return (
    <div role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-text" data-testid="idle-warning" className="fixed inset-x-4 bottom-4 z-50 mx-auto max-w-md rounded-xl border border-line bg-surface-raised p-4 text-fg shadow-lg">
      <h2 id="idle-title" className="font-semibold">{phase === "warning" ? t("stillThere") : t("signedOut")}</h2>
      <p id="idle-text" className="mt-1 text-sm text-fg-muted">
        {phase === "warning" ? t("warning") : t("ended", { minutes: idleMinutes, platform: platformName })}
      </p>
      <div className="mt-3">
        {phase === "warning" ? (
          <button type="button" className={primaryButton} onClick={() => void stay()}>{t("stay")}</button>
        ) : (
          <a className={primaryButton} href={returnUrl}>{t("backTo", { platform: platformName })}</a>
        )}
      </div>
    </div>
  );
}
