"use client";

import Link from "next/link";
import { useState } from "react";
import { formatDate } from "@/lib/kernel/format/dates";
import { formatAmount } from "@/lib/kernel/money/format";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { Card } from "@/components/ui/card";
import type { CurrentPlan } from "@/lib/workflows/subscriptions/portal-plan";
import { CancelPlanDialog } from "./cancel-plan-dialog";
import { planStatusText, priceText } from "./plan-text";

interface Props {
  plan: CurrentPlan;
  locale: string;
  timeZone: string;
  busy: boolean;
  onCancel: (cancel: boolean, reason?: string | null) => Promise<boolean>;
}

/** What happens at the end of the period, in one sentence that never contradicts itself. */
function nextStep(plan: CurrentPlan, end: string | null): string | null {
  if (!end) return null;
  if (plan.cancelAtPeriodEnd) return `Your plan ends on ${end} and will not renew.`;
  if (plan.scheduledName) return `On ${end} your plan changes to ${plan.scheduledName}.`;
  return null;
}

export function CurrentPlanCard({ plan, locale, timeZone, busy, onCancel }: Props) {
  const [confirming, setConfirming] = useState(false);
  const end = plan.currentPeriodEnd ? formatDate(plan.currentPeriodEnd, locale, timeZone) : null;
  const running = plan.status === "active" || plan.status === "past_due";
  const next = nextStep(plan, end);
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
      {next && <p role="status" className="mt-3 text-sm" data-testid="plan-next">{next}</p>}
      {plan.status === "past_due" && <p role="alert" className="mt-3 text-sm text-danger">The last renewal payment was declined. We will try your card again; check your payment methods.</p>}
      {plan.status === "pending" && plan.firstChargeId && (
        <div className="mt-4 space-y-2 text-sm">
          <p>The plan starts once its first period is paid.</p>
          <Link href={`/top-up/checkout/${plan.firstChargeId}`} className={primaryButton}>Continue to payment</Link>
        </div>
      )}
      {running && (
        <div className="mt-4">
          {plan.cancelAtPeriodEnd ? (
            <button type="button" className={primaryButton} disabled={busy} onClick={() => void onCancel(false)}>Keep my plan</button>
          ) : (
            <button type="button" className={secondaryButton} disabled={busy} onClick={() => setConfirming(true)}>Cancel plan…</button>
          )}
        </div>
      )}
      {confirming && (
        <CancelPlanDialog
          plan={plan}
          end={end}
          locale={locale}
          busy={busy}
          onClose={() => setConfirming(false)}
          onConfirm={async (reason) => (await onCancel(true, reason)) && setConfirming(false)}
        />
      )}
    </Card>
  );
}
