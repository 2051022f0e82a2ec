"use client";

import { assetName } from "@/lib/kernel/i18n/asset-name";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatDate } from "@/lib/kernel/format/dates";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import { dec, type Decimal } from "@/lib/kernel/money";
import { parseLocalizedAmount, separatorsOf, toLocalizedInput } from "@/lib/kernel/money/localized-input";
import { amountForUnits, unitsForAmount, type TopUpRate } from "@/lib/domain/payments/top-ups/pricing";
import { exactNumber, PortalApiError } from "@/lib/workflows/queries/portal-fetch";
import { useStartTopUp } from "@/lib/workflows/queries/payments";
import { AccountPicker, ModePicker, PresetButtons } from "./top-up-pickers";
import { primaryButton } from "@/components/ui/button-styles";

export interface TopUpOption {
  accountId: string;
  asset: AssetDisplay;
  currency: AssetDisplay;
  rate: { price: string | null; perCurrency: string | null } | null;
}

interface Props {
  options: TopUpOption[];
  presets: string[];
  min: string;
  max: string;
  /** When what is bought today stops being usable: said before paying. */
  purchaseExpiresAt: string;
  /** The redeemed top-up bonus this top-up will earn, if one is waiting. */
  bonus: { code: string; percent: string } | null;
  locale: string;
  timeZone: string;
}

const NUMBER = /^\d{1,9}(\.\d{1,12})?$/;

function rateOf(option: TopUpOption): TopUpRate | null {
  if (!option.rate) return null;
  const { price, perCurrency } = option.rate;
  return { rate: price === null ? null : dec(price), inverseRate: perCurrency === null ? null : dec(perCurrency), source: "asset" };
}

type QuoteError = "not_a_number" | "ambiguous" | "too_precise" | "outside" | null;

/** What the customer pays and gets for what they typed (in their language's way of writing numbers), or why it can't be bought. */
function quote(option: TopUpOption, mode: "amount" | "units", text: string, min: Decimal, max: Decimal, locale: string) {
  const read = parseLocalizedAmount(text, locale);
  if (!read.ok) return { error: (read.problem === "empty" ? null : read.problem) as QuoteError };
  if (!NUMBER.test(read.value)) return { error: "not_a_number" as QuoteError };
  const rate = rateOf(option);
  const typed = dec(read.value);
  const amount = mode === "units" ? amountForUnits(typed, rate, option.currency.code) : typed;
  const units = mode === "units" ? typed : unitsForAmount(typed, rate, option.asset.precision, option.currency.code);
  if (mode === "amount" && amount.decimalPlaces() > option.currency.precision) return { error: "too_precise" as QuoteError };
  if (amount.lt(min) || amount.gt(max)) return { error: "outside" as QuoteError, amount, units };
  return { amount, units, value: read.value, error: null as QuoteError };
}

/** Choose an account and an amount (or, for custom assets, a number of units), see the conversion, then pay on Checkout. */
export function TopUpForm({ options, presets, min, max, purchaseExpiresAt, bonus, locale, timeZone }: Props) {
  const id = useId();
  const [accountId, setAccountId] = useState(options[0]?.accountId ?? "");
  const [mode, setMode] = useState<"amount" | "units">("amount");
  const t = useTranslations("topUp");
  const [text, setText] = useState(toLocalizedInput(presets[1] ?? presets[0] ?? "", locale));
  const start = useStartTopUp();
  const option = options.find((o) => o.accountId === accountId) ?? options[0]!;
  const custom = option.asset.kind === "custom";
  const q = quote(option, custom ? mode : "amount", text, dec(min), dec(max), locale);
  const money = (v: Decimal | string) => formatAmount(v.toString(), option.currency, locale);
  const units = (v: Decimal | string) => formatAmount(v.toString(), option.asset, locale);
  const limitMessage = t("limits", { min: money(min), max: money(max) });
  const example = toLocalizedInput("12.50", locale);
  const messages: Record<NonNullable<QuoteError>, string> = {
    outside: limitMessage,
    not_a_number: t("notANumber", { example }),
    ambiguous: t("ambiguous", { decimal: separatorsOf(locale).decimal, example }),
    too_precise: t("tooPrecise", { places: option.currency.precision }),
  };
  const error = q.error ? messages[q.error] : null;
  const serverError = start.error instanceof PortalApiError ? start.error.message : start.error ? t("failed") : null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (q.error || !q.amount || !q.value) return;
    start.mutate({ account_id: option.accountId, [custom && mode === "units" ? "units" : "amount"]: exactNumber(q.value) });
  }

  return (
    <form onSubmit={submit} className="space-y-5 rounded-xl border border-line bg-surface-raised p-5 shadow-sm">
      <AccountPicker options={options} value={accountId} onChange={setAccountId} />
      {custom && <ModePicker asset={option.asset} mode={mode} onChange={setMode} />}
      {(!custom || mode === "amount") && (
        <PresetButtons
          presets={presets}
          value={text}
          input={(p) => toLocalizedInput(p, locale)}
          onPick={setText}
          label={(p) => (custom ? t("converts", { amount: money(p), units: units(unitsForAmount(dec(p), rateOf(option), option.asset.precision, option.currency.code)) }) : money(p))}
        />
      )}
      <div>
        <label htmlFor={`${id}-value`} className="block text-sm font-medium">
          {custom && mode === "units" ? t("numberOf", { unit: option.asset.label ?? assetName(option.asset, locale) }) : t("amountIn", { currency: option.currency.code })}
        </label>
        <input id={`${id}-value`} inputMode="decimal" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} aria-invalid={!!error} aria-describedby={`${id}-preview ${id}-error`} className="mt-1 w-48 rounded-lg border border-line bg-surface px-3 py-2 tabular" />
        <p id={`${id}-limits`} className="mt-1 text-xs text-fg-muted">{limitMessage}</p>
      </div>
      <p id={`${id}-preview`} aria-live="polite" className="text-lg font-semibold tabular" data-testid="top-up-preview">
        {q.amount && q.units ? (custom ? t("converts", { amount: money(q.amount), units: units(q.units) }) : t("youPay", { amount: money(q.amount) })) : "\u00a0"}
      </p>
      {bonus && q.units && (
        <p className="text-sm font-medium text-success" data-testid="top-up-bonus">
          {t("bonus", { units: units(q.units.times(bonus.percent).div(100).toDecimalPlaces(option.asset.precision, 1)), code: bonus.code, percent: bonus.percent })}
        </p>
      )}
      <p className="text-sm text-fg-muted" data-testid="purchase-expiry">
        {t("usableUntil", { date: formatDate(purchaseExpiresAt, locale, timeZone) })}
      </p>
      <p id={`${id}-error`} role="alert" className="text-sm text-danger">{error ?? serverError}</p>
      <button type="submit" disabled={!!q.error || !q.amount || start.isPending || start.isSuccess} className={primaryButton}>
        {start.isPending || start.isSuccess ? t("openingCheckout") : q.amount ? t("payAmount", { amount: money(q.amount) }) : t("pay")}
      </button>
    </form>
  );
}
