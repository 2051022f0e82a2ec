"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import type { EmailPreferences } from "@/lib/domain/notifications/preferences";
import { portalFetch } from "@/lib/workflows/queries/portal-fetch";

/** Each language named in itself, so a reader finds theirs whatever the page speaks. */
const LANGUAGES: [string, string][] = [
  ["en", "English"], ["de", "Deutsch"], ["fr", "Français"], ["es", "Español"], ["it", "Italiano"], ["pt-BR", "Português (Brasil)"],
  ["nl", "Nederlands"], ["pl", "Polski"], ["ja", "日本語"], ["ko", "한국어"], ["zh-CN", "简体中文"], ["ar", "العربية"],
];

/** The optional emails the customer receives, and their language; receipts and payment problems are always sent. */
export function NotificationsForm({ preferences }: { preferences: EmailPreferences }) {
  const t = useTranslations("notifications");
  const optional = [
    { kind: "low_balance", label: t("lowBalance"), hint: t("lowBalanceHint") },
    { kind: "credits_expiring", label: t("creditsExpiring"), hint: t("creditsExpiringHint") },
    { kind: "auto_top_up_succeeded", label: t("autoTopUp"), hint: t("autoTopUpHint") },
    { kind: "plan_ending", label: t("planEnding"), hint: t("planEndingHint") },
  ];
  const [subscribed, setSubscribed] = useState(preferences.subscribed);
  const [locale, setLocale] = useState(preferences.locale ?? "");
  const save = useMutation({
    mutationFn: () => portalFetch<EmailPreferences>("/api/portal/notifications", { method: "PUT", body: { subscribed, locale: locale || null } }),
  });
  return (
    <form className="space-y-5" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold">{t("optional")}</legend>
        {optional.map((o) => (
          <label key={o.kind} className="flex items-start gap-3 text-sm">
            <input
              type="checkbox" name={o.kind} checked={subscribed[o.kind] ?? true} className="mt-0.5 size-4 accent-brand"
              onChange={(e) => setSubscribed({ ...subscribed, [o.kind]: e.target.checked })}
            />
            <span>
              <span className="block font-medium">{o.label}</span>
              <span className="block text-fg-muted">{o.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="block text-sm">
        <span className="mb-1 block font-semibold">{t("language")}</span>
        <select value={locale} onChange={(e) => setLocale(e.target.value)} className="h-10 w-full max-w-xs rounded-md border border-line bg-surface px-3">
          <option value="">{t("sameAsInvoices")}</option>
          {LANGUAGES.map(([value, name]) => (
            <option key={value} value={value} lang={value}>{name}</option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className={primaryButton} disabled={save.isPending}>{t("save")}</button>
        <span role="status" className="text-sm text-fg-muted">{save.isSuccess ? t("saved") : save.isError ? t("failed") : ""}</span>
      </div>
    </form>
  );
}
