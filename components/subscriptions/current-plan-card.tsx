"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { formatDate } from "@/lib/kernel/format/dates";
import { formatAmount } from "@/lib/kernel/money/format";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { Card } from "@/components/ui/card";
import type { CurrentPlan } from "@/lib/workflows/subscriptions/portal-plan";
import { CancelPlanDialog } from "./cancel-plan-dialog";
import { usePriceText } from "./plan-text";

interface Props {
  plan: CurrentPlan;
  locale: string;
  timeZone: string;
  busy: boolean;
  onCancel: (cancel: boolean, reason?: string | null) => Promise<boolean>;
}

/** What happens at the end of the period, in one sentence that never contradicts itself. */
function useNextStep(): (plan: CurrentPlan, end: string | null) => string | null {
  const t = useTranslations("plan");
  return (plan, end) => {
    if (!end) return null;
    if (plan.cancelAtPeriodEnd) return t("endsNoRenew", { date: end });
    if (plan.scheduledName) return t("changesTo", { date: end, plan: plan.scheduledName });
    return null;
  };
}

export function CurrentPlanCard({ plan, locale, timeZone, busy, onCancel }: Props) {
  const [confirming, setConfirming] = useState(false);
  const t = useTranslations("plan");
  const priceText = usePriceText();
  const nextStep = useNextStep();
  const end = plan.currentPeriodEnd ? formatDate(plan.currentPeriodEnd, locale, timeZone) : null;
  const running = plan.status === "active" || plan.status === "past_due";
  const next = nextStep(plan, end);
  return (
    <Card className="p-5" aria-labelledby="current-plan" data-testid="current-plan">
      <p className="text-sm text-fg-muted">{t("current")}</p>
      <h2 id="current-plan" className="text-xl font-semibold">{plan.name}</h2>
      <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="text-fg-muted">{t("statusLabel")}</dt>
        <dd className="font-medium" data-testid="plan-status">{t("status", { status: plan.status })}</dd>
        <dt className="text-fg-muted">{t("priceLabel")}</dt>
        <dd className="tabular font-medium" data-testid="plan-price">{priceText(plan, locale)}</dd>
        {end && (
          <>
            <dt className="text-fg-muted">{plan.cancelAtPeriodEnd ? t("endsOn") : t("renewsOn")}</dt>
            <dd className="font-medium" data-testid="plan-renewal">{end}</dd>
          </>
        )}
        {plan.includedCredits && (
          <>
            <dt className="text-fg-muted">{t("includedLeft")}</dt>
            <dd className="tabular font-medium" data-testid="plan-included-credits">{plan.includedCredits.map((c) => formatAmount(c.amount, c.asset, locale)).join(", ")}</dd>
          </>
        )}
      </dl>
      {next && <p role="status" className="mt-3 text-sm" data-testid="plan-next">{next}</p>}
      {plan.status === "past_due" && <p role="alert" className="mt-3 text-sm text-danger">{t("pastDue")}</p>}
      {plan.status === "pending" && plan.firstChargeId && (
        <div className="mt-4 space-y-2 text-sm">
          <p>{t("startsWhenPaid")}</p>
          <Link href={`/top-up/checkout/${plan.firstChargeId}`} className={primaryButton}>{t("continueToPayment")}</Link>
        </div>
      )}
      {running && (
        <div className="mt-4">
          {plan.cancelAtPeriodEnd ? (
            <button type="button" className={primaryButton} disabled={busy} onClick={() => void onCancel(false)}>{t("keep")}</button>
          ) : (
            <button type="button" className={secondaryButton} disabled={busy} onClick={() => setConfirming(true)}>{t("cancelEllipsis")}</button>
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
