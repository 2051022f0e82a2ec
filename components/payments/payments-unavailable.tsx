import { useTranslations } from "next-intl";

/** In place of a payment form when this portal cannot take payments (live mode without Stripe). */
export function PaymentsUnavailable() {
  const t = useTranslations("payments");
  return <p role="status" className="rounded-xl border border-line bg-surface-raised p-5 text-fg-muted">{t("unavailable")}</p>;
}
