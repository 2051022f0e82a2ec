"use client";

import { useEffect, useId, useRef, useState } from "react";
import { portalFetch, PortalApiError } from "@/lib/workflows/queries/portal-fetch";
import { formatExpiry, groupCardNumber } from "./card-input-format";

type Result = { kind: "redirect"; url: string } | { kind: "authenticate" } | { kind: "declined"; message: string } | { kind: "expired"; url: string };

// Placeholders are formats in a faint colour, never values that could pass for a card already filled in.
const input = "mt-1 w-full rounded-lg border border-line bg-surface px-3 py-2 tabular placeholder:text-fg-muted/60";
const FORMATS: Partial<Record<string, (value: string) => string>> = { card_number: groupCardNumber, expiry: formatExpiry };

/** The TEST MODE checkout form: test card details, and a simulated bank challenge for cards that need one. */
export function TestCheckoutForm({ sessionId, cancelUrl, action, offerSave }: { sessionId: string; cancelUrl: string; action: string; offerSave: boolean }) {
  const id = useId();
  const [challenge, setChallenge] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // Back from a cancelled checkout may restore this page from the browser's cache with its form still
  // live; reloading asks the server, which shows the checkout as closed.
  useEffect(() => {
    const restored = (e: PageTransitionEvent) => e.persisted && window.location.reload();
    window.addEventListener("pageshow", restored);
    return () => window.removeEventListener("pageshow", restored);
  }, []);

  // Read from the form itself (uncontrolled), so details typed before the page finished loading still count.
  async function submit(authentication?: "approve" | "fail") {
    const form = new FormData(formRef.current!);
    const card = { card_number: String(form.get("card_number")), expiry: String(form.get("expiry")), cvc: String(form.get("cvc")), ...(offerSave ? { save_card: form.get("save_card") === "on" } : {}) };
    setBusy(true);
    setMessage(null);
    try {
      const result = await portalFetch<Result>(`/api/test-checkout/${sessionId}`, { method: "POST", body: { ...card, ...(authentication ? { authentication } : {}) } });
      setErrors({});
      setChallenge(result.kind === "authenticate");
      if (result.kind === "redirect") return window.location.assign(result.url);
      if (result.kind === "declined") setMessage(result.message);
      if (result.kind === "expired") setMessage("This checkout has expired. Nothing was charged.");
    } catch (error) {
      setErrors(error instanceof PortalApiError ? error.errors : {});
      setMessage(error instanceof PortalApiError && Object.keys(error.errors).length === 0 ? error.message : null);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: "card_number" | "expiry" | "cvc", label: string, placeholder: string, autoComplete: string) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block text-sm font-medium">{label}</label>
      <input
        id={`${id}-${name}`}
        name={name}
        placeholder={placeholder}
        autoComplete={autoComplete}
        inputMode="numeric"
        onInput={(e) => { const format = FORMATS[name]; if (format) e.currentTarget.value = format(e.currentTarget.value); }}
        aria-invalid={!!errors[name]}
        aria-describedby={`${id}-${name}-error`}
        className={input}
      />
      <p id={`${id}-${name}-error`} className="text-xs text-danger">{errors[name]?.[0] ?? ""}</p>
    </div>
  );

  return (
    <form ref={formRef} onSubmit={(e) => { e.preventDefault(); void submit(); }} className="space-y-3">
      {field("card_number", "Card number", "1234 1234 1234 1234", "cc-number")}
      <div className="grid grid-cols-2 gap-3">
        {field("expiry", "Expiry (MM / YY)", "MM / YY", "cc-exp")}
        {field("cvc", "CVC", "3 or 4 digits", "cc-csc")}
      </div>
      {offerSave && (
        <label className="flex gap-2 text-sm">
          <input type="checkbox" name="save_card" />
          Save this card for future payments
        </label>
      )}
      {challenge && (
        <div role="dialog" aria-labelledby={`${id}-challenge`} className="rounded-lg border border-warning bg-warning-soft p-3 text-sm text-warning">
          <p id={`${id}-challenge`} className="font-semibold">Your bank asks you to confirm this (TEST MODE).</p>
          <div className="mt-2 flex gap-2">
            <button type="button" onClick={() => void submit("approve")} disabled={busy} className="rounded-lg bg-brand px-3 py-1.5 font-medium text-brand-fg">Complete authentication</button>
            <button type="button" onClick={() => void submit("fail")} disabled={busy} className="rounded-lg border border-warning px-3 py-1.5 font-medium">Fail authentication</button>
          </div>
        </div>
      )}
      <p role="alert" className="text-sm text-danger">{message ?? ""}</p>
      <button type="submit" disabled={busy || challenge} className="w-full rounded-lg bg-brand px-4 py-2 font-medium text-brand-fg disabled:opacity-60">{busy ? "Processing…" : action}</button>
      <p className="text-center text-sm"><a href={cancelUrl} className="text-brand-text underline">Cancel and go back</a></p>
    </form>
  );
}
