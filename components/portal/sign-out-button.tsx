"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** Ends the session on the server, then leaves for the platform's return_url. */
export function SignOutButton() {
  const t = useTranslations("shell");
  const [pending, setPending] = useState(false);
  async function signOut() {
    setPending(true);
    const res = await fetch("/api/portal/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    const data = (await res.json().catch(() => ({}))) as { return_url?: string; failure_url?: string };
    window.location.assign(data.return_url ?? data.failure_url ?? "/signed-out");
  }
  return (
    <button
      type="button"
      onClick={signOut}
      disabled={pending}
      className="rounded-md px-3 py-2 text-sm font-medium text-fg-muted hover:bg-surface-sunken hover:text-fg disabled:opacity-60"
    >
      {pending ? t("signingOut") : t("signOut")}
    </button>
  );
}
