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

const DESCRIPTION =
  "Keep a balance from running out: when it falls below the amount you choose, your saved card is charged and the funds are added. It is off until you turn it on, never turns itself back on, and every attempt is listed below.";

const NOTICES: Record<string, string> = { added: "Your card is confirmed. Automatic top-ups continue.", cancelled: "Your card was not confirmed; automatic top-ups stay paused." };

export default async function AutoTopUpPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await getPortalContext();
  const { card } = await searchParams;
  const availability = paymentsAvailability(ctx.scope);
  if (!availability.available) {
    return (
      <div className="space-y-6">
        <PageHeader title="Auto top-up" />
        <PaymentsUnavailable message={availability.message} />
      </div>
    );
  }
  const [overview, cards] = await Promise.all([autoTopUpOverview(ctx.readDb, ctx.scope), listCards(ctx.db, ctx.scope)]);
  return (
    <div className="space-y-6">
      <PageHeader title="Auto top-up" description={DESCRIPTION} />
      {availability.testMode && <TestModeNote />}
      {card && NOTICES[card] && <p role="status" className="rounded-lg bg-surface-sunken px-4 py-3 text-sm">{NOTICES[card]}</p>}
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
