import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { testCheckoutSessions, testPaymentIntents, testPaymentMethods } from "@/lib/kernel/db/schema";
import { now } from "@/lib/kernel/clock";
import { env } from "@/lib/kernel/env";
import { NotFoundError } from "@/lib/kernel/errors";
import type { PlatformScope } from "@/lib/kernel/scope";
import type { OffSessionOutcome, OffSessionRequest, PaymentProvider } from "@/lib/domain/payments/provider/types";
import { testCardByProfile } from "./cards";
import { testObjectId } from "./ids";
import { findTestIntent, testIntentState } from "./intents";

function assertTestMode(scope: PlatformScope): void {
  // Defence in depth: provider selection already refuses, but no path may reach fake money in live mode.
  if (scope.liveMode) throw new NotFoundError("Payment");
}

async function chargeOffSession(db: Db, req: OffSessionRequest): Promise<OffSessionOutcome> {
  assertTestMode(req.scope);
  const [existing] = await db.select().from(testPaymentIntents).where(eq(testPaymentIntents.idempotencyKey, req.idempotencyKey)).limit(1);
  if (existing) return { state: await testIntentState(db, existing), error: null };
  const [pm] = await db
    .select()
    .from(testPaymentMethods)
    .where(and(eq(testPaymentMethods.id, req.paymentMethodId), eq(testPaymentMethods.providerCustomerId, req.providerCustomerId), isNull(testPaymentMethods.detachedAt)))
    .limit(1);
  if (!pm) return { state: null, error: { code: "resource_missing", declineCode: null, adviceCode: null, message: "No such payment method." } };
  const profile = testCardByProfile(pm.behaviour);
  const outcome = profile?.offSession ?? "decline";
  const declineCode = outcome === "authenticate" ? "authentication_required" : (profile?.declineCode ?? "generic_decline");
  const lastError =
    outcome === "succeed"
      ? null
      : { code: outcome === "authenticate" ? "authentication_required" : "card_declined", declineCode, message: "The card was declined." };
  await db
    .insert(testPaymentIntents)
    .values({
      id: testObjectId("pi"),
      ...req.scope,
      idempotencyKey: req.idempotencyKey,
      providerCustomerId: req.providerCustomerId,
      paymentMethodId: pm.id,
      amount: req.amount.toString(),
      currency: req.currency,
      status: outcome === "succeed" ? "succeeded" : "requires_payment_method",
      metadata: req.metadata,
      lastError,
    })
    .onConflictDoNothing();
  const [row] = await db.select().from(testPaymentIntents).where(eq(testPaymentIntents.idempotencyKey, req.idempotencyKey)).limit(1);
  return { state: await testIntentState(db, row!), error: null };
}

/** The built-in provider for test mode without Stripe: a local checkout page and test cards, stored in our database. */
export function testProvider(db: Db): PaymentProvider {
  return {
    kind: "test",
    deliversWebhooks: false,
    async createCustomer({ scope, idempotencyKey }) {
      assertTestMode(scope);
      return testObjectId("cus", idempotencyKey);
    },
    async createCheckout(req) {
      assertTestMode(req.scope);
      await db
        .insert(testCheckoutSessions)
        .values({
          id: testObjectId("cs"),
          ...req.scope,
          idempotencyKey: req.idempotencyKey,
          providerCustomerId: req.providerCustomerId,
          mode: req.mode,
          topUpId: req.metadata.top_up_id ?? null,
          amount: req.amount?.toString() ?? null,
          currency: req.currency ?? null,
          description: req.productName ?? null,
          successUrl: req.successUrl,
          cancelUrl: req.cancelUrl,
          metadata: req.metadata,
          status: "open",
          expiresAt: req.expiresAt,
        })
        .onConflictDoNothing();
      const [row] = await db.select({ id: testCheckoutSessions.id }).from(testCheckoutSessions).where(eq(testCheckoutSessions.idempotencyKey, req.idempotencyKey));
      return { id: row!.id, url: `${env().PORTAL_URL.replace(/\/$/, "")}/test-checkout/${row!.id}` };
    },
    async expireCheckout(scope, sessionId) {
      assertTestMode(scope);
      await db
        .update(testCheckoutSessions)
        .set({ status: "expired" })
        .where(and(eq(testCheckoutSessions.id, sessionId), eq(testCheckoutSessions.status, "open")));
      const [row] = await db.select({ status: testCheckoutSessions.status }).from(testCheckoutSessions).where(eq(testCheckoutSessions.id, sessionId));
      return row?.status === "complete" ? "complete" : "expired";
    },
    chargeOffSession: (req) => chargeOffSession(db, req),
    async retrievePayment(scope, paymentIntentId) {
      assertTestMode(scope);
      const row = await findTestIntent(db, paymentIntentId);
      return row ? testIntentState(db, row) : null;
    },
    async listCards(scope, providerCustomerId) {
      assertTestMode(scope);
      const rows = await db
        .select()
        .from(testPaymentMethods)
        .where(and(eq(testPaymentMethods.providerCustomerId, providerCustomerId), isNull(testPaymentMethods.detachedAt)))
        .orderBy(desc(testPaymentMethods.createdAt), desc(testPaymentMethods.id));
      return rows.map((r) => ({ id: r.id, brand: r.brand, last4: r.last4, expMonth: r.expMonth, expYear: r.expYear }));
    },
    async setDefaultCard(scope) {
      // Billfold's payment_customers row is the record of the default; there is nothing to mirror.
      assertTestMode(scope);
    },
    async detachCard(scope, paymentMethodId) {
      assertTestMode(scope);
      await db.update(testPaymentMethods).set({ detachedAt: now() }).where(eq(testPaymentMethods.id, paymentMethodId));
    },
  };
}
