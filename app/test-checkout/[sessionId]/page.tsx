import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatAmount, currencyDisplay } from "@/lib/kernel/money/format";
import { StandalonePage } from "@/components/portal/standalone-page";
import { TestCheckoutForm } from "@/components/payments/test-checkout-form";
import { isValidPathParam } from "@/lib/http/parse";
import { now } from "@/lib/kernel/clock";
import { getDb } from "@/lib/kernel/db";
import { NotFoundError } from "@/lib/kernel/errors";
import { getTestSessionOrThrow } from "@/lib/domain/payments/inbound-webhooks/pay-test-checkout";
import { findPlatform } from "@/lib/domain/platforms/get-platform";
import { requestLocale } from "@/lib/workflows/portal/request-locale";

export const metadata: Metadata = { title: "TEST MODE checkout" };

// The built-in test provider's stand-in for Stripe Checkout; it exists only for test-mode payments.
export default async function TestCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const db = await getDb();
  const { sessionId } = await params;
  if (!isValidPathParam(sessionId)) notFound();
  const session = await getTestSessionOrThrow(db, sessionId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [platform, locale] = await Promise.all([findPlatform(db, session.platformId), requestLocale().then((l) => l.formatLocale)]);
  const paying = session.mode === "payment" && session.amount && session.currency;
  const title = paying ? `Pay ${formatAmount(session.amount!, currencyDisplay(session.currency!), locale)}` : "Save a card";
  return (
    <StandalonePage branding={platform?.branding ?? null} title={title}>
      <p className="rounded-md bg-warning-soft px-3 py-2 font-semibold text-warning" data-testid="test-mode-banner">
        TEST MODE: no real card is charged. Use 4242 4242 4242 4242; 4000 0000 0000 0002 is declined; 4000 0025 0000 3155 asks you to authenticate.
      </p>
      {session.description && <p>{session.description}</p>}
      {session.status === "complete" ? (
        <p>This checkout is already complete. <a className="text-brand-text underline" href={session.successUrl}>Continue</a></p>
      ) : session.status === "expired" || session.expiresAt <= now() ? (
        <p data-testid="checkout-closed">This checkout is closed, so it can no longer be paid. Nothing was charged. <a className="text-brand-text underline" href={session.cancelUrl}>Go back</a></p>
      ) : (
        <TestCheckoutForm sessionId={session.id} cancelUrl={session.cancelUrl} action={paying ? title : "Save card"} offerSave={!!paying && session.metadata.origin !== "subscription"} />
      )}
    </StandalonePage>
  );
}
