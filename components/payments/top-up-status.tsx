"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { formatAmount } from "@/lib/kernel/money/format";
import type { TopUpView } from "@/lib/domain/payments/top-ups/portal-view";
import { useCancelTopUp, useTopUp } from "@/lib/workflows/queries/payments";
import { Receipt } from "./receipt";
import { StatusBadge } from "./status-badge";
import { primaryButton } from "@/components/ui/button-styles";

function useMessage(): (t: TopUpView, locale: string) => string {
  const m = useTranslations("topUp");
  return (t, locale) => {
    const units = formatAmount(t.units, t.asset, locale);
    const added = t.bonusUnits ? m("addedWithBonus", { units, bonus: formatAmount(t.bonusUnits, t.asset, locale) }) : units;
    const reason = t.failureMessage ?? "none";
    switch (t.status) {
      case "initiated": return m("msgInitiated");
      case "declined": return m("msgDeclined", { reason });
      case "processing": return m("msgProcessing", { added });
      case "completed": return m("msgCompleted", { added });
      case "failed": return m("msgFailed", { reason });
      case "cancelled": return m("msgCancelled");
      default: return m("msgExpired");
    }
  };
}

/** A top-up after Checkout: pending until the provider confirms, then completed with its receipt, or why not. */
export function TopUpStatus({ initial, cancelled, locale, timeZone }: { initial: TopUpView; cancelled: boolean; locale: string; timeZone: string }) {
  const { data: t } = useTopUp(initial);
  const m = useTranslations("topUp");
  const message = useMessage();
  const cancel = useCancelTopUp(initial.id);
  const asked = useRef(false);
  useEffect(() => {
    if (!cancelled || asked.current || !["initiated", "declined"].includes(initial.status)) return;
    asked.current = true;
    cancel.mutate(undefined, { onSuccess: (after) => after.failureUrl && after.status !== "completed" && window.location.replace(after.failureUrl) });
  }, [cancelled, cancel, initial.status]);
  const over = t.status === "failed" || t.status === "cancelled" || t.status === "expired";
  return (
    <div className="space-y-4">
      <div className="rounded-xl border border-line bg-surface-raised p-5 shadow-sm">
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-2xl font-semibold tabular">{formatAmount(t.amount, t.currency, locale)}</p>
          <StatusBadge status={t.status} />
        </div>
        <p role="status" aria-live="polite" className="mt-2 text-fg-muted" data-testid="top-up-message">{message(t, locale)}</p>
        <div className="mt-4 flex flex-wrap gap-3 text-sm">
          {(t.status === "initiated" || t.status === "declined") && t.origin !== "auto" && <Link href={`/top-up/checkout/${t.id}`} className={primaryButton}>{m("continueToPayment")}</Link>}
          {over && <Link href="/top-up" className={primaryButton}>{m("tryAgainLink")}</Link>}
          {over && t.failureUrl && <a href={t.failureUrl} className="rounded-lg px-4 py-2 font-medium text-brand-text underline">{m("backToApp")}</a>}
        </div>
      </div>
      {t.status === "completed" && <Receipt topUp={t} locale={locale} timeZone={timeZone} />}
    </div>
  );
}
