"use client";

import { useId, useState } from "react";
import { formatDate } from "@/lib/kernel/format/dates";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import { dec, type Decimal } from "@/lib/kernel/money";
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

/** What the customer pays and gets for what they typed, or why it can't be bought. */
function quote(option: TopUpOption, mode: "amount" | "units", text: string, min: Decimal, max: Decimal) {
  if (!NUMBER.test(text)) return { error: text ? "Enter a number such as 20 or 12.50." : null };
  const rate = rateOf(option);
  const typed = dec(text);
  const amount = mode === "units" ? amountForUnits(typed, rate, option.currency.code) : typed;
  const units = mode === "units" ? typed : unitsForAmount(typed, rate, option.asset.precision, option.currency.code);
  if (mode === "amount" && amount.decimalPlaces() > option.currency.precision) return { error: `Use at most ${option.currency.precision} decimal places.` };
  if (amount.lt(min) || amount.gt(max)) return { error: "outside", amount, units };
  return { amount, units, error: null };
}

/** Choose an account and an amount (or, for custom assets, a number of units), see the conversion, then pay on Checkout. */
export function TopUpForm({ options, presets, min, max, purchaseExpiresAt, bonus, locale, timeZone }: Props) {
  const id = useId();
  const [accountId, setAccountId] = useState(options[0]?.accountId ?? "");
  const [mode, setMode] = useState<"amount" | "units">("amount");
  const [text, setText] = useState(presets[1] ?? presets[0] ?? "");
  const start = useStartTopUp();
  const option = options.find((o) => o.accountId === accountId) ?? options[0]!;
  const custom = option.asset.kind === "custom";
  const q = quote(option, custom ? mode : "amount", text, dec(min), dec(max));
  const money = (v: Decimal | string) => formatAmount(v.toString(), option.currency, locale);
  const units = (v: Decimal | string) => formatAmount(v.toString(), option.asset, locale);
  const limitMessage = `Top-ups are from ${money(min)} to ${money(max)}.`;
  const error = q.error === "outside" ? limitMessage : q.error;
  const serverError = start.error instanceof PortalApiError ? start.error.message : start.error ? "Something went wrong. Please try again." : null;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (q.error || !q.amount) return;
    start.mutate({ account_id: option.accountId, [custom && mode === "units" ? "units" : "amount"]: exactNumber(text) });
  }

  return (
    <form onSubmit={submit} className="space-y-5 rounded-xl border border-line bg-surface-raised p-5 shadow-sm">
      <AccountPicker options={options} value={accountId} onChange={setAccountId} />
      {custom && <ModePicker asset={option.asset} mode={mode} onChange={setMode} />}
      {(!custom || mode === "amount") && (
        <PresetButtons presets={presets} value={text} onPick={setText} label={(p) => (custom ? `${money(p)} → ${units(unitsForAmount(dec(p), rateOf(option), option.asset.precision, option.currency.code))}` : money(p))} />
      )}
      <div>
        <label htmlFor={`${id}-value`} className="block text-sm font-medium">
          {custom && mode === "units" ? `Number of ${option.asset.label ?? option.asset.code}` : `Amount (${option.currency.code})`}
        </label>
        <input id={`${id}-value`} inputMode="decimal" autoComplete="off" value={text} onChange={(e) => setText(e.target.value.trim())} aria-invalid={!!error} aria-describedby={`${id}-preview ${id}-error`} className="mt-1 w-48 rounded-lg border border-line bg-surface px-3 py-2 tabular" />
        <p id={`${id}-limits`} className="mt-1 text-xs text-fg-muted">{limitMessage}</p>
      </div>
      <p id={`${id}-preview`} aria-live="polite" className="text-lg font-semibold tabular" data-testid="top-up-preview">
        {q.amount && q.units ? (custom ? `${money(q.amount)} → ${units(q.units)}` : `You pay ${money(q.amount)}`) : "\u00a0"}
      </p>
      {bonus && q.units && (
        <p className="text-sm font-medium text-success" data-testid="top-up-bonus">
          + {units(q.units.times(bonus.percent).div(100).toDecimalPlaces(option.asset.precision, 1))} bonus from your coupon {bonus.code} ({bonus.percent}%)
        </p>
      )}
      <p className="text-sm text-fg-muted" data-testid="purchase-expiry">
        What you add can be used until {formatDate(purchaseExpiresAt, locale, timeZone)}; anything left then expires.
      </p>
      <p id={`${id}-error`} role="alert" className="text-sm text-danger">{error ?? serverError}</p>
      <button type="submit" disabled={!!q.error || !q.amount || start.isPending || start.isSuccess} className={primaryButton}>
        {start.isPending || start.isSuccess ? "Opening checkout…" : q.amount ? `Pay ${money(q.amount)}` : "Pay"}
      </button>
    </form>
  );
}
