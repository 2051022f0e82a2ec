"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { dec } from "@/lib/kernel/money";
import { parseLocalizedAmount, toLocalizedInput } from "@/lib/kernel/money/localized-input";
import type { AutoTopUpView } from "@/lib/domain/payments/auto-top-up/view";
import type { CardView } from "@/lib/domain/payments/cards/cards";
import { saveAutoTopUp, useAutoTopUpAction } from "@/lib/workflows/queries/payments";
import { exactNumber, PortalApiError } from "@/lib/workflows/queries/portal-fetch";

const DECIMAL = /^\d{1,12}(\.\d{1,12})?$/;

/** Canonical decimal text for what was typed in the customer's own number format, or null. */
function exact(text: string, locale: string): string | null {
  const read = parseLocalizedAmount(text, locale);
  return read.ok && DECIMAL.test(read.value) ? read.value : null;
}

/** The auto top-up form's fields and its save/turn-off request. */
export function useAutoTopUpForm(view: AutoTopUpView, cards: CardView[], locale: string) {
  const s = view.settings;
  const t = useTranslations("autoTopUp");
  const tp = useTranslations("topUp");
  const [threshold, setThresholdValue] = useState(toLocalizedInput(s?.threshold ?? view.suggested.threshold, locale));
  const [amount, setAmountValue] = useState(toLocalizedInput(s?.amount ?? view.suggested.amount, locale));
  const [cap, setCapValue] = useState(toLocalizedInput(s?.monthlyCap ?? "", locale));
  const values = { threshold: exact(threshold, locale), amount: exact(amount, locale), cap: cap.trim() ? exact(cap, locale) : null };
  const [cardId, setCardIdValue] = useState(s?.paymentMethodId ?? cards.find((c) => c.isDefault)?.id ?? cards[0]?.id ?? "");
  // The consent given for the saved terms stands (also after a reload); changing a term asks for it again.
  const [consent, setConsent] = useState(!!s?.enabled);
  const changing = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setConsent(false);
  };
  const [setThreshold, setAmount, setCap, setCardId] = [changing(setThresholdValue), changing(setAmountValue), changing(setCapValue), changing(setCardIdValue)];
  const [chargeNow, setChargeNow] = useState(false);
  const save = useAutoTopUpAction(async (enabled: boolean) => {
    const result = await saveAutoTopUp(view.accountId, {
      enabled,
      threshold: exactNumber(values.threshold ?? "0"),
      amount: exactNumber(values.amount ?? "0"),
      monthly_cap: values.cap ? exactNumber(values.cap) : null,
      payment_method_id: cardId || null,
      ...(enabled ? { consent, confirm_immediate_charge: chargeNow } : {}),
    });
    setConsent(enabled);
    setChargeNow(false);
    return result;
  });
  const valid = values.threshold !== null && values.amount !== null && (!cap.trim() || values.cap !== null);
  const example = toLocalizedInput("12.50", locale);
  // A number this language does not read one way only is named at the field, before anything is sent.
  const typedError = (text: string, value: string | null) => (text.trim() && value === null ? t("invalidNumber", { example }) : undefined);
  const typed: Record<string, string | undefined> = {
    threshold: typedError(threshold, values.threshold),
    amount: typedError(amount, values.amount),
    monthly_cap: typedError(cap, values.cap),
  };
  return {
    values,
    fields: { threshold, setThreshold, amount, setAmount, cap, setCap, cardId, setCardId, consent, setConsent, chargeNow, setChargeNow },
    save,
    valid,
    below: values.threshold !== null && dec(view.balance).lt(dec(values.threshold)),
    card: cards.find((c) => c.id === cardId) ?? null,
    fieldError: (field: string) => typed[field] ?? (save.error instanceof PortalApiError ? save.error.field(field) : undefined),
    generalError: save.error && !(save.error instanceof PortalApiError && Object.keys(save.error.errors).length > 0) ? tp("failed") : null,
    chargedNow: save.data?.charge?.result === "attempt",
  };
}
