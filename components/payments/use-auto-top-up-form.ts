"use client";

import { useState } from "react";
import { dec } from "@/lib/kernel/money";
import type { AutoTopUpView } from "@/lib/domain/payments/auto-top-up/view";
import type { CardView } from "@/lib/domain/payments/cards/cards";
import { saveAutoTopUp, useAutoTopUpAction } from "@/lib/workflows/queries/payments";
import { exactNumber, PortalApiError } from "@/lib/workflows/queries/portal-fetch";

export const DECIMAL = /^\d{1,12}(\.\d{1,12})?$/;

/** The auto top-up form's fields and its save/turn-off request. */
export function useAutoTopUpForm(view: AutoTopUpView, cards: CardView[]) {
  const s = view.settings;
  const [threshold, setThresholdValue] = useState(s?.threshold ?? view.suggested.threshold);
  const [amount, setAmountValue] = useState(s?.amount ?? view.suggested.amount);
  const [cap, setCapValue] = useState(s?.monthlyCap ?? "");
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
      threshold: exactNumber(threshold || "0"),
      amount: exactNumber(amount || "0"),
      monthly_cap: cap ? exactNumber(cap) : null,
      payment_method_id: cardId || null,
      ...(enabled ? { consent, confirm_immediate_charge: chargeNow } : {}),
    });
    setConsent(enabled);
    setChargeNow(false);
    return result;
  });
  const valid = DECIMAL.test(threshold) && DECIMAL.test(amount) && (!cap || DECIMAL.test(cap));
  return {
    fields: { threshold, setThreshold, amount, setAmount, cap, setCap, cardId, setCardId, consent, setConsent, chargeNow, setChargeNow },
    save,
    valid,
    below: DECIMAL.test(threshold) && dec(view.balance).lt(dec(threshold)),
    card: cards.find((c) => c.id === cardId) ?? null,
    fieldError: (field: string) => (save.error instanceof PortalApiError ? save.error.field(field) : undefined),
    generalError: save.error && !(save.error instanceof PortalApiError && Object.keys(save.error.errors).length > 0) ? "Something went wrong. Please try again." : null,
    chargedNow: save.data?.charge?.result === "attempt",
  };
}
