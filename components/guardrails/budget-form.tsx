"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";
import { exactNumber, portalFetch, PortalApiError } from "@/lib/workflows/queries/portal-fetch";
import type { BudgetCardView } from "@/lib/workflows/wallet/guardrails-view";

const DECIMAL = /^\d{1,12}(\.\d{1,12})?$/;
const PERIODS = ["day", "week", "month"] as const;

/** Sets or removes one account's budget through the portal API, then re-renders the page with the new figures. `name` is the asset's in the reader's language. */
export function BudgetForm({ budget, name }: { budget: BudgetCardView; name: string }) {
  const t = useTranslations("budget");
  const router = useRouter();
  const id = budget.accountId.replace(/[^A-Za-z0-9]/g, "-");
  const [limit, setLimit] = useState(budget.limit ?? "");
  const [period, setPeriod] = useState(budget.period);
  const [hardStop, setHardStop] = useState(budget.hardStop);
  const [thresholds, setThresholds] = useState(budget.thresholds.join(", "));
  const [state, setState] = useState<{ busy: boolean; error: string | null; saved: boolean }>({ busy: false, error: null, saved: false });

  async function send(body: Record<string, unknown>) {
    setState({ busy: true, error: null, saved: false });
    try {
      await portalFetch(`/api/portal/budget/${budget.accountId}`, { method: "PUT", body });
      setState({ busy: false, error: null, saved: true });
      router.refresh();
    } catch (error) {
      setState({ busy: false, error: error instanceof PortalApiError ? error.message : t("error"), saved: false });
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const list = thresholds.split(/[,\s]+/).filter(Boolean).map(Number);
    if (!DECIMAL.test(limit)) return setState({ busy: false, error: t("limitInvalid"), saved: false });
    if (list.some((t) => !Number.isInteger(t) || t < 1 || t > 100)) return setState({ busy: false, error: t("alertsInvalid"), saved: false });
    void send({ limit: exactNumber(limit), period, hard_stop: hardStop, thresholds: [...new Set(list)] });
  }

  if (!budget.customerEditable) return <p className="text-sm text-fg-muted">{t("managed")}</p>;
  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" aria-label={t("formLabel", { asset: name })}>
      <div>
        <label htmlFor={`${id}-limit`} className="block text-sm font-medium">{t("limit", { currency: budget.asset.code })}</label>
        <input id={`${id}-limit`} inputMode="decimal" autoComplete="off" value={limit} onChange={(e) => setLimit(e.target.value.trim())} className="mt-1 w-full rounded-lg border border-line bg-surface px-3 py-2 tabular" />
        {budget.maxLimit && <p className="mt-1 text-xs text-fg-muted">{t("atMost", { amount: budget.maxLimit })}</p>}
      </div>
      <div>
        <label htmlFor={`${id}-period`} className="block text-sm font-medium">{t("period")}</label>
        <select id={`${id}-period`} value={period} onChange={(e) => setPeriod(e.target.value as typeof period)} className="mt-1 w-full rounded-lg border border-line bg-surface px-3 py-2">
          {PERIODS.map((value) => <option key={value} value={value}>{t("periodOption", { period: value })}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-alerts`} className="block text-sm font-medium">{t("alertAt")}</label>
        <input id={`${id}-alerts`} autoComplete="off" value={thresholds} onChange={(e) => setThresholds(e.target.value)} className="mt-1 w-full rounded-lg border border-line bg-surface px-3 py-2 tabular" />
      </div>
      <label className="flex items-start gap-2 self-end text-sm">
        <input type="checkbox" checked={hardStop} onChange={(e) => setHardStop(e.target.checked)} className="mt-1" />
        <span>
          <span className="font-medium">{t("hardStop")}</span>
          <span className="block text-fg-muted">{t("hardStopHint")}</span>
        </span>
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" className={primaryButton} disabled={state.busy}>{t("save")}</button>
        {budget.limit !== null && (
          <button type="button" className={secondaryButton} disabled={state.busy} onClick={() => void send({ limit: null })}>{t("remove")}</button>
        )}
        <p role="status" className={`text-sm ${state.error ? "text-danger" : "text-fg-muted"}`}>{state.error ?? (state.saved ? t("saved") : "")}</p>
      </div>
    </form>
  );
}
