import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { PaymentMethods } from "@/components/payments/payment-methods";
import { PaymentsUnavailable } from "@/components/payments/payments-unavailable";
import { TestModeNote } from "@/components/payments/test-mode-note";
import { listCards } from "@/lib/domain/payments/cards/cards";
import { paymentsAvailability } from "@/lib/domain/payments/top-ups/options";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("paymentMethods");


export default async function PaymentMethodsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await getPortalContext();
  const { card } = await searchParams;
  const availability = paymentsAvailability(ctx.scope);
  const [t, titles] = await Promise.all([getTranslations("cards"), getTranslations("titles")]);
  return (
    <div className="space-y-6">
      <PageHeader title={titles("paymentMethods")} />
      {availability.available ? (
        <>
          {availability.testMode && <TestModeNote />}
          <PaymentMethods initial={await cardsFor(ctx)} notice={card === "added" ? t("noticeAdded") : card === "cancelled" ? t("noticeCancelled") : null} />
        </>
      ) : (
        <PaymentsUnavailable />
      )}
    </div>
  );
}

async function cardsFor(ctx: Awaited<ReturnType<typeof getPortalContext>>) {
  const { provider, cards } = await listCards(ctx.db, ctx.scope);
  return { test_mode: provider.kind === "test", cards };
}
