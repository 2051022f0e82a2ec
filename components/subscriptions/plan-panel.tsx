"use client";

import { useState } from "react";
import { formatDate } from "@/lib/kernel/format/dates";
import { formatAmount } from "@/lib/kernel/money/format";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { Card, EmptyState } from "@/components/ui/card";
import { PortalApiError, portalFetch } from "@/lib/workflows/queries/portal-fetch";
import type { CurrentPlan, PlanOverview, PublishedPlan } from "@/lib/workflows/subscriptions/portal-plan";
import { planStatusText, priceText } from "./plan-text";

interface Props {
  initial: PlanOverview;
  locale: string;
  timeZone: string;
}

function CurrentPlanCard({ plan, locale, timeZone, busy, onCancel }: { plan: CurrentPlan; locale: string; timeZone: string; busy: boolean; onCancel: (cancel: boolean) => void }) {
  const end = plan.currentPeriodEnd ? formatDate(plan.currentPeriodEnd, locale, timeZone) : null;
  const running = plan.status === "active" || plan.status === "past_due";
  return (
    <Card className="p-5" aria-labelledby="current-plan" data-testid="current-plan">
      <p className="text-sm text-fg-muted">Current plan</p>
      <h2 id="current-plan" className="text-xl font-semibold">{plan.name}</h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-fg-muted">Status</dt>
        <dd className="font-medium" data-testid="plan-status">{planStatusText(plan.status)}</dd>
        <dt className="text-fg-muted">Price</dt>
        <dd className="tabular font-medium" data-testid="plan-price">{priceText(plan, locale)}</dd>
        {end && (
          <>
            <dt className="text-fg-muted">{plan.cancelAtPeriodEnd ? "Ends on" : "Renews on"}</dt>
            <dd className="font-medium" data-testid="plan-renewal">{end}</dd>
          </>
        )}
        {plan.includedCredits && (
          <>
            <dt className="text-fg-muted">Included credits left</dt>
            <dd className="tabular font-medium" data-testid="plan-included-credits">{plan.includedCredits.map((c) => formatAmount(c.amount, c.asset, locale)).join(", ")}</dd>
          </>
        )}
      </dl>
      {plan.scheduledCode && <p role="status" className="mt-3 text-sm">Your plan changes to {plan.scheduledCode} at the next renewal.</p>}
      {plan.status === "past_due" && <p role="alert" className="mt-3 text-sm text-danger">The last renewal payment was declined. We will try your card again; check your payment methods.</p>}
      {running && (
        <div className="mt-4">
          {plan.cancelAtPeriodEnd ? (
            <button type="button" className={primaryButton} disabled={busy} onClick={() => onCancel(false)}>Keep my plan</button>
          ) : (
            <button type="button" className={secondaryButton} disabled={busy} onClick={() => onCancel(true)}>Cancel at period end</button>
          )}
        </div>
      )}
    </Card>
  );
}

function PlanChoice({ plan, current, locale, busy, onSwitch }: { plan: PublishedPlan; current: CurrentPlan | null; locale: string; busy: boolean; onSwitch: (code: string) => void }) {
  const isCurrent = current?.code === plan.code;
  const scheduled = current?.scheduledCode === plan.code;
  const canSwitch = current?.status === "active" && !isCurrent && !scheduled;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-4 py-3 first:border-t-0" data-testid={`plan-${plan.code}`}>
      <div>
        <p className="font-medium">{plan.name}{isCurrent && <span className="ml-2 rounded-full bg-brand-soft px-2 py-0.5 text-xs text-brand-text">Current</span>}</p>
        {plan.description && <p className="text-sm text-fg-muted">{plan.description}</p>}
      </div>
      <div className="flex items-center gap-3">
        <span className="tabular font-medium">{priceText(plan, locale)}</span>
        {scheduled && <span className="text-sm text-fg-muted">From next renewal</span>}
        {canSwitch && (
          <button type="button" className={secondaryButton} disabled={busy} onClick={() => onSwitch(plan.code)}>
            Switch<span className="sr-only"> to {plan.name}</span>
          </button>
        )}
      </div>
    </li>
  );
}

/** The customer's plan with cancel at period end (and undo), and the platform's plans to switch to at the next renewal. */
export function PlanPanel({ initial, locale, timeZone }: Props) {
  const [overview, setOverview] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      setOverview(await portalFetch<PlanOverview>(path, { method: "POST", body }));
    } catch (e) {
      setError(e instanceof PortalApiError ? e.message : "Something went wrong. Please try again.");
    } finally {
      setBusy(false);
    }
  };
  const { current, plans } = overview;
  const base = current ? `/api/portal/subscriptions/${current.subscriptionId}` : "";
  return (
    <div className="space-y-6">
      {current ? (
        <CurrentPlanCard plan={current} locale={locale} timeZone={timeZone} busy={busy} onCancel={(cancel) => act(`${base}/cancel`, { cancel })} />
      ) : (
        <EmptyState title="You have no plan yet." />
      )}
      {error && <p role="alert" className="text-sm text-danger">{error}</p>}
      <section aria-labelledby="plans-heading" className="space-y-3">
        <h2 id="plans-heading" className="text-lg font-semibold">Plans</h2>
        <p className="text-sm text-fg-muted">A new plan starts at your next renewal: you keep the current one until then, and nothing is prorated.</p>
        {plans.length === 0 ? (
          <EmptyState title="No plans are published." />
        ) : (
          <ul className="rounded-xl border border-line bg-surface-raised shadow-sm">
            {plans.map((p) => <PlanChoice key={p.code} plan={p} current={current} locale={locale} busy={busy} onSwitch={(code) => act(`${base}/switch`, { code })} />)}
          </ul>
        )}
      </section>
    </div>
  );
}
