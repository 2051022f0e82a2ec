import type { ReactNode } from "react";

export const inputClass = "mt-1 w-full min-w-0 rounded-lg border border-line bg-surface px-3 py-2";

/** A labelled field with its error (from the server's validation problem) under it. */
export function BillingField({ id, label, error, children, wide = false }: { id: string; label: string; error?: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2" : ""}>
      <label htmlFor={id} className="block text-sm font-medium">{label}</label>
      {children}
      {error && <p id={`${id}-error`} className="mt-1 text-sm text-danger">{error}</p>}
    </div>
  );
}
