"use client";

import { assetName } from "@/lib/kernel/i18n/asset-name";
import { useTranslations } from "next-intl";
import { formatAmount } from "@/lib/kernel/money/format";
import type { AutoTopUpView } from "@/lib/domain/payments/auto-top-up/view";
import { confirmCard, retryAutoTopUp, useAutoTopUpAction } from "@/lib/workflows/queries/payments";
import { PortalApiError } from "@/lib/workflows/queries/portal-fetch";
import { AttemptLog } from "./attempt-log";
import { AutoTopUpForm, type AutoTopUpFormProps } from "./auto-top-up-form";
import { formatDateTime } from "@/lib/kernel/format/dates";

type Props = AutoTopUpFormProps & { timeZone: string };

/** On, off, or on but paused: what will really happen the next time the balance is low. */
function Summary({ view, locale, timeZone }: { view: AutoTopUpView; locale: string; timeZone: string }) {
  const t = useTranslations("autoTopUp");
  const s = view.settings;
  if (!s?.enabled) return <p className="text-sm text-fg-muted" data-testid="auto-top-up-state">{t("off")}</p>;
  const amount = formatAmount(s.amount, view.currency, locale);
  const threshold = formatAmount(s.threshold, view.asset, locale);
  if (view.pause) {
    const { reason, until } = view.pause;
    return (
      <p className="text-sm text-warning" data-testid="auto-top-up-state">
        <span aria-hidden>❚❚ </span>
        {until ? t("pausedUntil", { date: formatDateTime(until, locale, timeZone), reason, amount, threshold }) : t("paused", { reason, amount, threshold })}
      </p>
    );
  }
  return <p className="text-sm" data-testid="auto-top-up-state"><span aria-hidden>● </span>{t("on", { amount, threshold })}</p>;
}

/** Why auto top-up is not running, and what the customer can do about it. */
function Notices({ view, locale, timeZone }: { view: AutoTopUpView; locale: string; timeZone: string }) {
  const t = useTranslations("autoTopUp");
  const tp = useTranslations("payments");
  const s = view.settings;
  const confirm = useAutoTopUpAction(() => confirmCard(view.accountId));
  const retry = useAutoTopUpAction(() => retryAutoTopUp(view.accountId));
  const last = view.attempts.find((a) => a.status !== "skipped");
  const canRetry = s?.enabled && s.retryAfter && last?.status === "failed" && !last.hardDecline;
  const error = confirm.error ?? retry.error;
  return (
    <>
      {s && !s.enabled && s.disabledReason && (
        <div role="alert" className="rounded-lg border border-danger bg-danger-soft p-3 text-sm text-danger" data-testid="auto-top-up-notice">
          <p className="font-semibold">{s.disabledAt ? t("switchedOffOn", { date: formatDateTime(s.disabledAt, locale, timeZone) }) : t("switchedOff")}</p>
          <p>{t("staysOff", { reason: s.disabledReason })}</p>
        </div>
      )}
      {s?.enabled && s.actionRequired && (
        <div role="alert" className="rounded-lg border border-warning bg-warning-soft p-3 text-sm text-warning" data-testid="auto-top-up-action">
          <p className="font-semibold">{t("confirmCardTitle")}</p>
          <p>{t("confirmCardText")}</p>
          <button type="button" onClick={() => confirm.mutate(undefined)} disabled={confirm.isPending} className="mt-2 rounded-lg bg-brand px-3 py-1.5 font-medium text-brand-fg">{t("confirmCard")}</button>
        </div>
      )}
      {canRetry && (
        <div className="rounded-lg border border-warning bg-warning-soft p-3 text-sm text-warning" data-testid="auto-top-up-backoff">
          <p>{t("declinedRetry", { date: formatDateTime(s.retryAfter!, locale, timeZone) })}</p>
          <button type="button" onClick={() => retry.mutate(undefined)} disabled={retry.isPending} className="mt-2 rounded-lg border border-warning px-3 py-1.5 font-medium">
            {retry.isPending ? t("trying") : t("tryNow")}
          </button>
        </div>
      )}
      {error && <p role="alert" className="text-sm text-danger">{error instanceof PortalApiError ? error.message : tp("somethingWrong")}</p>}
    </>
  );
}

/** One wallet account: its balance, auto top-up state and notices, the settings form and the activity log. */
export function AutoTopUpAccount({ view, cards, platformName, maxPerDay, locale, timeZone }: Props) {
  const t = useTranslations("autoTopUp");
  return (
    <section aria-labelledby={`auto-${view.accountId}`} className="space-y-4 rounded-xl border border-line bg-surface-raised p-5 shadow-sm" data-testid={`auto-top-up-${view.accountId}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`auto-${view.accountId}`} className="text-lg font-semibold">{assetName(view.asset, locale)}</h2>
        <p className="text-sm text-fg-muted">
          {t.rich("balance", {
            balance: formatAmount(view.balance, view.asset, locale),
            value: (chunks) => <span className="tabular font-medium text-fg" data-testid="auto-top-up-balance">{chunks}</span>,
          })}
        </p>
      </div>
      <Summary view={view} locale={locale} timeZone={timeZone} />
      <Notices view={view} locale={locale} timeZone={timeZone} />
      <AutoTopUpForm view={view} cards={cards} platformName={platformName} maxPerDay={maxPerDay} locale={locale} />
      <div>
        <h3 className="mb-2 text-sm font-semibold">{t("activity")}</h3>
        <AttemptLog attempts={view.attempts} asset={view.asset} locale={locale} timeZone={timeZone} />
      </div>
    </section>
  );
}
