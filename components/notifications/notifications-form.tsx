"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import type { EmailPreferences } from "@/lib/domain/notifications/preferences";
import { portalFetch } from "@/lib/workflows/queries/portal-fetch";

const OPTIONAL: { kind: string; label: string; hint: string }[] = [
  { kind: "low_balance", label: "Low balance", hint: "When your balance drops below your auto top-up threshold or runs out." },
  { kind: "credits_expiring", label: "Credits expiring", hint: "A week before credits in your balance expire." },
  { kind: "auto_top_up_succeeded", label: "Automatic top-ups", hint: "Each time your card is charged automatically." },
  { kind: "plan_ending", label: "Plan ending", hint: "When a canceled plan is about to end." },
];

const LANGUAGES: [string, string][] = [
  ["", "Same as my invoices"], ["en", "English"], ["de", "Deutsch"], ["fr", "Français"], ["es", "Español"], ["it", "Italiano"], ["pt-BR", "Português (Brasil)"],
  ["nl", "Nederlands"], ["pl", "Polski"], ["ja", "日本語"], ["ko", "한국어"], ["zh-CN", "简体中文"], ["ar", "العربية"],
];

/** The optional emails the customer receives, and their language; receipts and payment problems are always sent. */
export function NotificationsForm({ preferences }: { preferences: EmailPreferences }) {
  const [subscribed, setSubscribed] = useState(preferences.subscribed);
  const [locale, setLocale] = useState(preferences.locale ?? "");
  const save = useMutation({
    mutationFn: () => portalFetch<EmailPreferences>("/api/portal/notifications", { method: "PUT", body: { subscribed, locale: locale || null } }),
  });
  return (
    <form className="space-y-5" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <fieldset className="space-y-3">
        <legend className="mb-2 text-sm font-semibold">Optional emails</legend>
        {OPTIONAL.map((o) => (
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
        <span className="mb-1 block font-semibold">Email language</span>
        <select value={locale} onChange={(e) => setLocale(e.target.value)} className="h-10 w-full max-w-xs rounded-md border border-line bg-surface px-3">
          {LANGUAGES.map(([value, name]) => (
            <option key={value} value={value}>{name}</option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className={primaryButton} disabled={save.isPending}>Save</button>
        <span role="status" className="text-sm text-fg-muted">{save.isSuccess ? "Saved." : save.isError ? "Could not save. Try again." : ""}</span>
      </div>
    </form>
  );
}
