import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { AutoTopUpPanel } from "@/components/payments/auto-top-up-panel";
import { PaymentsUnavailable } from "@/components/payments/payments-unavailable";
import { TestModeNote } from "@/components/payments/test-mode-note";
import { autoTopUpOverview } from "@/lib/domain/payments/auto-top-up/view";
import { listCards } from "@/lib/domain/payments/cards/cards";
import { paymentsAvailability } from "@/lib/domain/payments/top-ups/options";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("autoTopUp");


export default async function AutoTopUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await getPortalContext();
  const { card } = await searchParams;
  const availability = paymentsAvailability(ctx.scope);
  const [t, titles] = await Promise.all([getTranslations("autoTopUp"), getTranslations("titles")]);
  const notice = card === "added" ? t("noticeAdded") : card === "cancelled" ? t("noticeCancelled") : null;
  if (!availability.available) {
    return (
      <div className="space-y-6">
        <PageHeader title={titles("autoTopUp")} />
        <PaymentsUnavailable />
      </div>
    );
  }
  const [overview, cards] = await Promise.all([autoTopUpOverview(ctx.readDb, ctx.scope), listCards(ctx.db, ctx.scope)]);
  return (
    <div className="space-y-6">
      <PageHeader title={titles("autoTopUp")} description={t("description")} />
      {availability.testMode && <TestModeNote />}
      {notice && <p role="status" className="rounded-lg bg-surface-sunken px-4 py-3 text-sm">{notice}</p>}
      <AutoTopUpPanel
        initial={overview}
        cards={{ test_mode: availability.testMode, cards: cards.cards }}
        platformName={ctx.platform.branding.name}
        locale={ctx.locale}
        timeZone={ctx.timeZone}
      />
    </div>
  );
}
