"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CardView } from "@/lib/domain/payments/cards/cards";
import { useCardLabel } from "./card-label";

export function Field({ id, label, value, onChange, error, hint }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      <input id={id} inputMode="decimal" autoComplete="off" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error} aria-describedby={`${id}-note`} className="mt-1 w-full rounded-lg border border-line bg-surface px-3 py-2 tabular" />
      <p id={`${id}-note`} className={`mt-1 text-xs ${error ? "text-danger" : "text-fg-muted"}`}>{error ?? hint ?? ""}</p>
    </div>
  );
}

export function CardSelect({ id, cards, value, onChange, error }: { id: string; cards: CardView[]; value: string; onChange: (v: string) => void; error?: string }) {
  const t = useTranslations("autoTopUp");
  const cardLabel = useCardLabel();
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">{t("cardToCharge")}</label>
      {cards.length === 0 ? (
        <p className="mt-1 text-sm text-fg-muted">
          {t.rich("noCard", { link: (chunks) => <Link href="/payment-methods" className="font-medium text-brand-text underline">{chunks}</Link> })}
        </p>
      ) : (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-note`} className="mt-1 rounded-lg border border-line bg-surface px-3 py-2">
          {cards.map((c) => <option key={c.id} value={c.id}>{cardLabel(c)}</option>)}
        </select>
      )}
      <p id={`${id}-note`} className="text-sm text-danger">{error ?? ""}</p>
    </div>
  );
}

/** Shown before saving when the balance is already under the threshold: saving would charge at once. */
export function ChargeNowWarning({ on, balance, threshold, amount, card, checked, onChange, error }: { on: boolean; balance: string; threshold: string; amount: string; card: string | null; checked: boolean; onChange: (v: boolean) => void; error?: string }) {
  const t = useTranslations("autoTopUp");
  return (
    <div className="rounded-lg border border-warning bg-warning-soft p-3 text-sm text-warning" data-testid="charge-now-warning">
      <p>
        {t.rich("headsUp", { balance, threshold, on: String(on), amount, card: card ?? "none", strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <label className="mt-2 flex gap-2 font-medium">
        <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        {t("chargeNow", { amount })}
      </label>
      {error && <p className="text-danger">{error}</p>}
    </div>
  );
}

export function ConsentText({ platformName, card, amount, threshold, maxPerDay, cap }: { platformName: string; card: string; amount: string; threshold: string; maxPerDay: number; cap: string | null }) {
  const t = useTranslations("autoTopUp");
  return <span>{t("consent", { platform: platformName, card, amount, threshold, max: maxPerDay, cap: cap ?? "none" })}</span>;
}
