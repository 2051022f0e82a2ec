import { getTranslations } from "next-intl/server";
import { formatAmount } from "@/lib/kernel/money/format";
import type { ExpiringCredits } from "@/lib/domain/grants/timeline";
import { dateTimeFormat } from "@/lib/kernel/format/intl-cache";

function dayMonth(iso: string, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { day: "numeric", month: "long", timeZone }).format(new Date(iso));
}

/** "120 credits expire on 3 Dec": shown on every portal page in the 7 days before credits expire. */
export async function ExpiryBanner({ expiring, locale, timeZone }: { expiring: ExpiringCredits[]; locale: string; timeZone: string }) {
  if (expiring.length === 0) return null;
  const t = await getTranslations("expiry");
  return (
    <div role="status" className="mb-6 rounded-lg border border-warning bg-warning-soft px-4 py-3 text-sm text-warning" data-testid="expiry-banner">
      <ul className="space-y-1">
        {expiring.map((e) => (
          <li key={`${e.asset.code}-${e.expiresAt}`}>
            {t.rich("expireOn", {
              amount: formatAmount(e.amount, e.asset, locale),
              date: dayMonth(e.expiresAt, locale, timeZone),
              strong: (chunks) => <strong className="tabular">{chunks}</strong>,
            })}{" "}
            <a href="/credits" className="underline">{t("seeCredits")}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
