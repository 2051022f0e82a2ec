"use client";

import { useTranslations } from "next-intl";
import type { AutoTopUpOverview } from "@/lib/domain/payments/auto-top-up/view";
import { useAutoTopUp, useCards, type CardsResponse } from "@/lib/workflows/queries/payments";
import { AutoTopUpAccount } from "./auto-top-up-account";

/** Every wallet account's auto top-up, kept fresh while attempts are under way. */
export function AutoTopUpPanel({ initial, cards, platformName, locale, timeZone }: { initial: AutoTopUpOverview; cards: CardsResponse; platformName: string; locale: string; timeZone: string }) {
  const { data } = useAutoTopUp(initial);
  const { data: cardData } = useCards(cards);
  const t = useTranslations("autoTopUp");
  if (data.accounts.length === 0) {
    return <p className="rounded-xl border border-dashed border-line p-6 text-fg-muted">{t("noBalances")}</p>;
  }
  return (
    <div className="space-y-6">
      {data.accounts.map((view) => (
        <AutoTopUpAccount key={view.accountId} view={view} cards={cardData?.cards ?? []} platformName={platformName} maxPerDay={data.limits.maxChargesPerDay} locale={locale} timeZone={timeZone} />
      ))}
    </div>
  );
}
