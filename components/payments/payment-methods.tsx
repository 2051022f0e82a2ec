"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { CardView } from "@/lib/domain/payments/cards/cards";
import { PortalApiError } from "@/lib/workflows/queries/portal-fetch";
import { useAddCard, useCards, useMakeDefaultCard, useRemoveCard, type CardsResponse } from "@/lib/workflows/queries/payments";
import { useCardLabel } from "./card-label";
import { primaryButton } from "@/components/ui/button-styles";

function CardRow({ card }: { card: CardView }) {
  const t = useTranslations("cards");
  const tp = useTranslations("payments");
  const cardLabel = useCardLabel();
  const [confirming, setConfirming] = useState(false);
  const makeDefault = useMakeDefaultCard();
  const remove = useRemoveCard();
  const error = makeDefault.error ?? remove.error;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 border-t border-line px-4 py-3 first:border-t-0" data-testid={`card-${card.last4}`}>
      <div>
        <p className="font-medium">
          {cardLabel(card)}
          {card.isDefault && <span className="ms-2 rounded-full bg-brand-soft px-2 py-0.5 text-xs text-brand-text">{t("default")}</span>}
        </p>
        <p className="text-xs text-fg-muted">{t("expires", { month: String(card.expMonth).padStart(2, "0"), year: String(card.expYear).slice(-2) })}</p>
        {error && <p role="alert" className="text-sm text-danger">{error instanceof PortalApiError ? error.message : tp("somethingWrong")}</p>}
      </div>
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2 text-sm" role="group" aria-label={t("removeQuestion", { card: cardLabel(card) })}>
          <span>{t("removeText")}</span>
          <button type="button" onClick={() => remove.mutate(card.id)} disabled={remove.isPending} className="rounded-lg border border-danger bg-danger-soft px-3 py-1.5 font-medium text-danger">{t("remove")}</button>
          <button type="button" onClick={() => setConfirming(false)} className="rounded-lg border border-line px-3 py-1.5">{t("keep")}</button>
        </div>
      ) : (
        <div className="flex gap-2 text-sm">
          {!card.isDefault && (
            <button type="button" onClick={() => makeDefault.mutate(card.id)} disabled={makeDefault.isPending} className="rounded-lg border border-line px-3 py-1.5 hover:bg-surface-sunken">
              {t("makeDefault")}<span className="sr-only"> ({cardLabel(card)})</span>
            </button>
          )}
          <button type="button" onClick={() => setConfirming(true)} className="rounded-lg border border-line px-3 py-1.5 text-danger hover:bg-danger-soft">
            {t("remove")}<span className="sr-only"> {cardLabel(card)}</span>
          </button>
        </div>
      )}
    </li>
  );
}

/** The customer's saved cards, the default first, with adding, choosing the default and removing. */
export function PaymentMethods({ initial, notice }: { initial: CardsResponse; notice: string | null }) {
  const { data } = useCards(initial);
  const add = useAddCard();
  const t = useTranslations("cards");
  const tp = useTranslations("payments");
  const cards = data?.cards ?? [];
  return (
    <div className="space-y-4">
      {notice && <p role="status" className="rounded-lg bg-success-soft px-4 py-3 text-sm text-success">{notice}</p>}
      {cards.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line p-6 text-fg-muted">{t("noneYet")}</p>
      ) : (
        <ul className="rounded-xl border border-line bg-surface-raised shadow-sm">{cards.map((c) => <CardRow key={c.id} card={c} />)}</ul>
      )}
      <button type="button" onClick={() => add.mutate()} disabled={add.isPending || add.isSuccess} className={primaryButton}>
        {add.isPending || add.isSuccess ? t("opening") : t("add")}
      </button>
      {add.error && <p role="alert" className="text-sm text-danger">{add.error instanceof PortalApiError ? add.error.message : tp("somethingWrong")}</p>}
    </div>
  );
}
