"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { secondaryButton, primaryButton } from "@/components/ui/button-styles";
import { EmptyState } from "@/components/ui/card";
import { PortalApiError, portalFetch } from "@/lib/workflows/queries/portal-fetch";
import type { CurrentPlan, PlanOverview, PublishedPlan } from "@/lib/workflows/subscriptions/portal-plan";
import { CurrentPlanCard } from "./current-plan-card";
import { usePriceText } from "./plan-text";

interface Props {
  initial: PlanOverview;
  locale: string;
  timeZone: string;
}

interface ChoiceProps {
  plan: PublishedPlan;
  current: CurrentPlan | null;
  locale: string;
  busy: boolean;
  onSwitch: (code: string) => void;
  onSubscribe: (code: string) => void;
}

function PlanChoice({ plan, current, locale, busy, onSwitch, onSubscribe }: ChoiceProps) {
  const isCurrent = current?.code === plan.code;
  const scheduled = current?.scheduledCode === plan.code;
  const canSwitch = current?.status === "active" && !isCurrent && !scheduled;
  const t = useTranslations("plan");
  const priceText = usePriceText();
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-4 py-3 first:border-t-0" data-testid={`plan-${plan.code}`}>
      <div className="min-w-0">
        <p className="font-medium">{plan.name}{isCurrent && <span className="ms-2 rounded-full bg-brand-soft px-2 py-0.5 text-xs text-brand-text">{t("currentBadge")}</span>}</p>
        {plan.description && <p className="text-sm text-fg-muted">{plan.description}</p>}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <span className="tabular font-medium">{priceText(plan, locale)}</span>
        {scheduled && <span className="text-sm text-fg-muted">{t("fromNextRenewal")}</span>}
        {canSwitch && (
          <button type="button" className={secondaryButton} disabled={busy} onClick={() => onSwitch(plan.code)}>
            {t("switch")}<span className="sr-only">{t("switchTo", { plan: plan.name })}</span>
          </button>
        )}
        {!current && (
          <button type="button" className={primaryButton} disabled={busy} onClick={() => onSubscribe(plan.code)}>
            {t("choose", { plan: plan.name })}
          </button>
        )}
      </div>
    </li>
  );
}

/**
 * The customer's plan (cancel at period end with a confirmation, and undo) and the platform's plans:
 * to subscribe to through Checkout without a plan, or to switch to at the next renewal with one.
 */
export function PlanPanel({ initial, locale, timeZone }: Props) {
  const [overview, setOverview] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useTranslations("plan");
  const tp = useTranslations("topUp");
  const call = async <T,>(path: string, body: unknown): Promise<T | null> => {
    setBusy(true);
    setError(null);
    try {
      return await portalFetch<T>(path, { method: "POST", body });
    } catch (e) {
      setError(e instanceof PortalApiError ? e.message : tp("failed"));
      return null;
    } finally {
      setBusy(false);
    }
  };
  const update = async (path: string, body: unknown) => {
    const next = await call<PlanOverview>(path, body);
    if (next) setOverview(next);
    return next !== null;
  };
  const subscribe = async (code: string) => {
    const started = await call<{ checkoutUrl: string }>("/api/portal/plan", { code });
    if (started) window.location.assign(started.checkoutUrl);
  };
  const { current, plans } = overview;
  const base = current ? `/api/portal/subscriptions/${current.subscriptionId}` : "";
  return (
    <div className="space-y-6">
      {current ? (
        <CurrentPlanCard plan={current} locale={locale} timeZone={timeZone} busy={busy} onCancel={(cancel, reason) => update(`${base}/cancel`, { cancel, ...(reason ? { reason } : {}) })} />
      ) : (
        <EmptyState title={t("noPlan")}>{plans.length > 0 ? t("chooseBelow") : null}</EmptyState>
      )}
      {error && <p role="alert" className="text-sm text-danger">{error}</p>}
      <section aria-labelledby="plans-heading" className="space-y-3">
        <h2 id="plans-heading" className="text-lg font-semibold">{t("plans")}</h2>
        {current && <p className="text-sm text-fg-muted">{t("newPlanStarts")}</p>}
        {plans.length === 0 ? (
          <EmptyState title={t("nonepublished")} />
        ) : (
          <ul className="rounded-xl border border-line bg-surface-raised shadow-sm">
            {plans.map((p) => (
              <PlanChoice key={p.code} plan={p} current={current} locale={locale} busy={busy} onSwitch={(code) => void update(`${base}/switch`, { code })} onSubscribe={(code) => void subscribe(code)} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
