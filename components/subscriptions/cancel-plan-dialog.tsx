"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { formatAmount } from "@/lib/kernel/money/format";
import { secondaryButton } from "@/components/ui/button-styles";
import type { CurrentPlan } from "@/lib/workflows/subscriptions/portal-plan";

interface Props {
  plan: CurrentPlan;
  end: string | null;
  locale: string;
  busy: boolean;
  onConfirm: (reason: string | null) => void;
  onClose: () => void;
}

const dangerButton = "inline-flex h-10 items-center justify-center rounded-md bg-danger px-4 text-sm font-semibold text-surface-raised hover:opacity-90 disabled:opacity-60";

/** What cancelling means, said before it happens, with an optional reason the platform receives. */
export function CancelPlanDialog({ plan, end, locale, busy, onConfirm, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [reason, setReason] = useState("");
  const t = useTranslations("plan");
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={`${id}-title`} onClose={onClose} className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-line bg-surface-raised p-5 text-fg shadow-lg backdrop:bg-black/50">
      <h2 id={`${id}-title`} className="text-lg font-semibold">{t("cancelQuestion", { plan: plan.name })}</h2>
      <ul className="mt-3 list-disc space-y-1 ps-5 text-sm" data-testid="cancel-summary">
        <li>{end ? t("keepUntil", { plan: plan.name, date: end }) : t("keepUntilPeriodEnd", { plan: plan.name })}</li>
        <li>{t("noRenew")}</li>
        {plan.scheduledName && <li>{t("switchWontHappen", { plan: plan.scheduledName })}</li>}
        {plan.includedCredits && (
          <li>{t("creditsEnd", { credits: plan.includedCredits.map((c) => formatAmount(c.amount, c.asset, locale)).join(", ") })}</li>
        )}
        <li>{t("canKeep")}</li>
      </ul>
      <label htmlFor={`${id}-reason`} className="mt-4 block text-sm font-medium">{t("why")}</label>
      <textarea id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} rows={3} className="mt-1 w-full rounded-lg border border-line bg-surface px-3 py-2 text-sm" />
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <button type="button" className={secondaryButton} onClick={() => ref.current?.close()} disabled={busy}>{t("keep")}</button>
        <button type="button" className={dangerButton} onClick={() => onConfirm(reason.trim() || null)} disabled={busy}>{t("cancel")}</button>
      </div>
    </dialog>
  );
}
