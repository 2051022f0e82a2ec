import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { RecentTopUps } from "@/components/payments/recent-top-ups";
import { PaymentsUnavailable } from "@/components/payments/payments-unavailable";
import { TestModeNote } from "@/components/payments/test-mode-note";
import { TopUpForm } from "@/components/payments/top-up-form";
import { pendingBonuses } from "@/lib/domain/grants/coupons/pending-bonuses";
import { paymentsAvailability, topUpOptions } from "@/lib/domain/payments/top-ups/options";
import { recentTopUps } from "@/lib/domain/payments/top-ups/portal-view";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { needsBillingDetails } from "@/lib/domain/customers/billing-details";
import { redirect } from "next/navigation";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("topUp");

export default async function TopUpPage() {
  const ctx = await getPortalContext();
  const availability = paymentsAvailability(ctx.scope);
  const [t, titles] = await Promise.all([getTranslations("topUp"), getTranslations("titles")]);
  const [offer, recent, bonuses, askDetails] = await Promise.all([
    topUpOptions(ctx.db, ctx.scope),
    recentTopUps(ctx.readDb, ctx.scope),
    pendingBonuses(ctx.db, ctx.scope),
    needsBillingDetails(ctx.db, ctx.scope),
  ]);
  // The platform wants billing details on every invoice: they are asked for before Checkout opens.
  if (askDetails && availability.available) redirect("/billing-details?next=/top-up");
  return (
    <div className="space-y-6">
      <PageHeader title={titles("topUp")} />
      {availability.available ? (
        <>
          {availability.testMode && <TestModeNote />}
          <TopUpForm options={offer.options} presets={offer.presets} min={offer.min} max={offer.max} purchaseExpiresAt={offer.purchaseExpiresAt} bonus={bonuses[0] ?? null} locale={ctx.locale} timeZone={ctx.timeZone} />
        </>
      ) : (
        <PaymentsUnavailable />
      )}
      <section aria-labelledby="recent-top-ups" className="space-y-3">
        <h2 id="recent-top-ups" className="text-lg font-semibold">{t("recent")}</h2>
        <RecentTopUps initial={recent} locale={ctx.locale} timeZone={ctx.timeZone} />
      </section>
    </div>
  );
}
