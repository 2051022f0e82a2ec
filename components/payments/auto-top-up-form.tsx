"use client";

import { assetName } from "@/lib/kernel/i18n/asset-name";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { formatAmount } from "@/lib/kernel/money/format";
import { dec } from "@/lib/kernel/money";
import type { AutoTopUpView } from "@/lib/domain/payments/auto-top-up/view";
import type { CardView } from "@/lib/domain/payments/cards/cards";
import { unitsForAmount } from "@/lib/domain/payments/top-ups/pricing";
import { ChargeNowWarning, CardSelect, ConsentText, Field } from "./auto-top-up-fields";
import { useCardLabel } from "./card-label";
import { useAutoTopUpForm } from "./use-auto-top-up-form";
import { primaryButton, secondaryButton } from "@/components/ui/button-styles";

export interface AutoTopUpFormProps {
  view: AutoTopUpView;
  cards: CardView[];
  platformName: string;
  maxPerDay: number;
  locale: string;
}

/** Threshold, amount, optional monthly limit and card; switching on takes an explicit tick, and a second one if it charges at once. */
export function AutoTopUpForm({ view, cards, platformName, maxPerDay, locale }: AutoTopUpFormProps) {
  const id = useId();
  const t = useTranslations("autoTopUp");
  const cardLabel = useCardLabel();
  const { fields: f, values: v, save, valid, below, card, fieldError, generalError, chargedNow } = useAutoTopUpForm(view, cards, locale);
  const money = (v: string) => formatAmount(v, view.currency, locale);
  const units = (v: string) => formatAmount(v, view.asset, locale);
  const rate = view.rate && { rate: view.rate.price === null ? null : dec(view.rate.price), inverseRate: view.rate.perCurrency === null ? null : dec(view.rate.perCurrency), source: "asset" as const };
  const buys = rate && v.amount ? t("adds", { units: units(unitsForAmount(dec(v.amount), rate, view.asset.precision, view.currency.code).toString()) }) : undefined;
  const saved = save.isSuccess ? (save.variables ? (chargedNow ? t("savedOnCharging", { amount: money(v.amount ?? "0") }) : t("savedOn")) : t("savedOff")) : "";
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(true); }} className="space-y-4" aria-label={t("settingsFor", { asset: assetName(view.asset, locale) })}>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${id}-threshold`} label={t("threshold", { unit: view.asset.label ?? assetName(view.asset, locale) })} value={f.threshold} onChange={f.setThreshold} error={fieldError("threshold")} />
        <Field id={`${id}-amount`} label={t("addAmount", { currency: view.currency.code })} value={f.amount} onChange={f.setAmount} error={fieldError("amount")} hint={buys} />
        <Field id={`${id}-cap`} label={t("cap", { currency: view.currency.code })} value={f.cap} onChange={f.setCap} error={fieldError("monthly_cap")} />
      </div>
      <CardSelect id={`${id}-card`} cards={cards} value={f.cardId} onChange={f.setCardId} error={fieldError("payment_method_id")} />
      {below && valid && (
        <ChargeNowWarning on={!!view.settings?.enabled} balance={units(view.balance)} threshold={units(v.threshold!)} amount={money(v.amount!)} card={card ? cardLabel(card) : null} checked={f.chargeNow} onChange={f.setChargeNow} error={fieldError("confirm_immediate_charge")} />
      )}
      <label className="flex gap-2 text-sm">
        <input type="checkbox" checked={f.consent} onChange={(e) => f.setConsent(e.target.checked)} aria-describedby={`${id}-consent-note`} />
        <ConsentText
          platformName={platformName}
          card={card ? t("myCard", { card: cardLabel(card) }) : t("myCardGeneric")}
          amount={valid ? money(v.amount!) : t("theAmount")}
          threshold={valid ? units(v.threshold!) : t("theThreshold")}
          maxPerDay={maxPerDay}
          cap={v.cap ? money(v.cap) : null}
        />
      </label>
      <p id={`${id}-consent-note`} className="text-sm text-danger">{fieldError("consent") ?? ""}</p>
      <p role="status" aria-live="polite" className="text-sm">{saved}</p>
      {generalError && <p role="alert" className="text-sm text-danger">{generalError}</p>}
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={!valid || !f.consent || !f.cardId || save.isPending || (below && !f.chargeNow)} className={primaryButton}>
          {view.settings?.enabled ? t("saveChanges") : t("turnOn")}
        </button>
        {view.settings?.enabled && (
          <button type="button" onClick={() => save.mutate(false)} disabled={save.isPending} className={secondaryButton}>{t("turnOff")}</button>
        )}
      </div>
    </form>
  );
}
