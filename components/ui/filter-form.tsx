"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { secondaryButton } from "./button-styles";

/**
 * A plain GET form, so filters work without JavaScript; with it, each change applies at once and
 * replaces the URL (filters are shareable, and Back leaves the page rather than undoing a filter).
 */
export function FilterForm({ label, children }: { label: string; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const t = useTranslations("common");
  function apply(form: HTMLFormElement) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (typeof v === "string" && v) params.set(k, v);
    router.replace(params.size ? `${pathname}?${params.toString()}` : pathname, { scroll: false });
  }
  return (
    <form
      method="get"
      aria-label={label}
      className="flex flex-wrap items-end gap-3"
      onChange={(e) => apply(e.currentTarget)}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      {children}
      <noscript>
        <button type="submit" className={secondaryButton}>{t("applyFilters")}</button>
      </noscript>
    </form>
  );
}
