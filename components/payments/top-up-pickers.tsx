"use client";

import { useLocale, useTranslations } from "next-intl";
import { assetName } from "@/lib/kernel/i18n/asset-name";
import type { AssetDisplay } from "@/lib/kernel/money/format";

const choice = (selected: boolean) =>
  `cursor-pointer rounded-lg border px-3 py-2 text-sm ${selected ? "border-brand bg-brand-soft text-brand-text" : "border-line hover:bg-surface-sunken"}`;

export function AccountPicker({ options, value, onChange }: { options: { accountId: string; asset: AssetDisplay }[]; value: string; onChange: (v: string) => void }) {
  const t = useTranslations("topUp");
  const locale = useLocale();
  if (options.length < 2) return null;
  return (
    <fieldset>
      <legend className="text-sm font-medium">{t("addFundsTo")}</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {options.map((o) => (
          <label key={o.accountId} className={choice(o.accountId === value)}>
            <input type="radio" name="account" value={o.accountId} checked={o.accountId === value} onChange={() => onChange(o.accountId)} className="me-2" />
            {assetName(o.asset, locale)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ModePicker({ asset, mode, onChange }: { asset: AssetDisplay; mode: "amount" | "units"; onChange: (m: "amount" | "units") => void }) {
  const t = useTranslations("topUp");
  const locale = useLocale();
  return (
    <fieldset>
      <legend className="text-sm font-medium">{t("iWantToChoose")}</legend>
      <div className="mt-2 flex flex-wrap gap-4 text-sm">
        <label>
          <input type="radio" name="mode" checked={mode === "amount"} onChange={() => onChange("amount")} className="me-2" />
          {t("howMuchToPay")}
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === "units"} onChange={() => onChange("units")} className="me-2" />
          {t("howManyToGet", { unit: asset.label ?? assetName(asset, locale) })}
        </label>
      </div>
    </fieldset>
  );
}

export function PresetButtons({ presets, value, label, input, onPick }: { presets: string[]; value: string; label: (p: string) => string; input: (p: string) => string; onPick: (p: string) => void }) {
  const t = useTranslations("topUp");
  if (presets.length === 0) return null;
  return (
    <div role="group" aria-label={t("suggested")} className="flex flex-wrap gap-2">
      {presets.map((p) => (
        <button key={p} type="button" onClick={() => onPick(input(p))} aria-pressed={value === input(p)} className={`font-medium ${choice(value === p)}`}>
          {label(p)}
        </button>
      ))}
    </div>
  );
}
