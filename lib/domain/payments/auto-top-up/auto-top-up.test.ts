import { describe, expect, it } from "vitest";
import { advanceClock, freezeClock } from "@/lib/kernel/clock";
import { asc, eq } from "drizzle-orm";
import { webhookEvents } from "@/lib/kernel/db/schema";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { dec } from "@/lib/kernel/money";
import { ensurePaymentCustomer } from "@/lib/domain/payments/customers";
import { runPaymentJobsFor } from "@/test/support/payment-jobs";
import { drainAutoTopUps } from "./background";
import { stripeProvider } from "@/lib/domain/payments/stripe/stripe-provider";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { adjust, balanceOf, paymentsWorld, portalSession, type PaymentsWorld } from "@/test/support/payments-fixtures";
import { deliverWebhook } from "@/test/support/stripe-env";
import type { CardBehaviour } from "@/test/support/stripe-stub/state";
import { stripeSuite } from "@/test/support/stripe-suite";
import { saveAutoTopUp } from "./save-settings";
import { autoTopUpOverview } from "./view";

const HOUR = 3_600_000;

describe.each(testDatabases())("auto top-up with Stripe on $name", (target) => {
  const suite = stripeSuite(target);
  const stub = suite.stub;


  async function setUp(options: { behaviour?: CardBehaviour; balance?: string; monthlyCap?: string } = {}) {
    const w = await paymentsWorld(suite.database);
    await adjust(w, "USD", options.balance ?? "50");
    const customer = await ensurePaymentCustomer(suite.database.db, w.scope, stripeProvider);
    const card = stub.state.addCard(customer.providerCustomerId, options.behaviour ?? "succeed");
    const input = {
      enabled: true, threshold: dec("10"), amount: dec("25"), payment_method_id: card.id, consent: true,
      monthly_cap: options.monthlyCap ? dec(options.monthlyCap) : null, confirm_immediate_charge: true,
    };
    await saveAutoTopUp(suite.database.db, w.scope, "default:USD", input);
    return { w, card, customer };
  }

  const intentsFor = (customer: string) => stub.calls("POST", "/v1/payment_intents").filter((r) => r.body.customer === customer);
  const platformEvents = async (w: PaymentsWorld) =>
    (await suite.database.db.select().from(webhookEvents).where(eq(webhookEvents.platformId, w.platform.id)).orderBy(asc(webhookEvents.createdAt), asc(webhookEvents.id)))
      .map((e) => [e.type, e.data] as const);
  const attempts = async (w: PaymentsWorld) => (await autoTopUpOverview(suite.database.db, w.scope)).accounts.find((a) => a.accountId === "default:USD")!;
  const succeededEvent = (piId: string) => stub.event("payment_intent.succeeded", stub.state.intents.get(piId));
  const succeed = async (piId: string) => deliverWebhook(succeededEvent(piId));

  it("charges the saved card off-session, keyed by the attempt id, once a debit leaves the balance below the threshold", async () => {
    const { w, card, customer } = await setUp();
    await adjust(w, "USD", "-40");
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(0);
    await adjust(w, "USD", "-0.01");
    const [call] = intentsFor(customer.providerCustomerId);
    const view = await attempts(w);
    const attempt = view.attempts[0]!;
    expect(call!.idempotencyKey).toBe(attempt.id);
    expect(call!.idempotencyKey).toMatch(/^att_[0-9a-z]{26}$/);
    expect(call!.body).toMatchObject({
      amount: "2500", currency: "usd", customer: customer.providerCustomerId, payment_method: card.id, off_session: "true", confirm: "true",
      metadata: { attempt_id: attempt.id, origin: "auto", customer_id: w.customerId, platform_id: w.platform.id, live_mode: "false" },
    });
    expect(attempt).toMatchObject({ status: "processing", amount: "25" });
    expect((await balanceOf(w, "default:USD")).json).toMatchObject({ available: 9.99, pending_in: 25 });

    await adjust(w, "USD", "-1");
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(1);
    const pi = [...stub.state.intents.values()].find((i) => i.metadata.attempt_id === attempt.id);
    const event = succeededEvent(pi.id);
    expect((await deliverWebhook(event)).json.outcome).toBe("credited");
    expect((await deliverWebhook(event)).json.outcome).toBe("duplicate");
    expect((await succeed(pi.id)).json.outcome).toBe("already_credited");
    expect((await balanceOf(w, "default:USD")).json).toMatchObject({ available: 33.99, pending_in: 0 });
    expect((await attempts(w)).attempts[0]).toMatchObject({ status: "succeeded" });
    const txns = await callApi("GET", `/api/v1/customers/${w.customerId}/wallet/default:USD/transactions`, { key: w.key });
    expect(txns.json.items[0]).toMatchObject({ category: "auto_top_up", amount: 25 });
    const events = await platformEvents(w);
    expect(events.map(([type]) => type)).toEqual(["wallet.balance_low", "top_up.completed", "invoice.issued"]);
    expect(events[0]![1]).toEqual({ customer_id: w.customerId, account_id: "default:USD", asset: "USD", balance: 9.99, threshold: 10 });
    expect(events[1]![1]).toMatchObject({ id: expect.stringMatching(/^top_/), origin: "auto", status: "completed", amount: 25, credited_amount: 25 });
    expect(await findLedgerViolations(suite.database.db, w.platform.id)).toEqual([]);
  });

  it("keeps one attempt in flight however many debits cross the threshold at once", async () => {
    const { w, customer } = await setUp();
    await adjust(w, "USD", "-39");
    await Promise.all(Array.from({ length: 10 }, (_, i) => adjust(w, "USD", "-0.5", `burst-${i}`)));
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(1);
    expect((await attempts(w)).attempts.filter((a) => a.status !== "skipped")).toHaveLength(1);
  });

  it("backs off an hour after a decline, switches off after the third in a row, and never switches itself back on", async () => {
    freezeClock(new Date());
    const { w, customer } = await setUp({ behaviour: "insufficient_funds" });
    await adjust(w, "USD", "-45");
    let view = await attempts(w);
    expect(view.attempts[0]).toMatchObject({ status: "failed", hardDecline: false });
    expect(view.attempts[0]!.reason).toContain("insufficient funds");
    expect(new Date(view.attempts[0]!.nextRetryAt!).getTime() - new Date(view.attempts[0]!.createdAt).getTime()).toBe(HOUR);
    expect(view.settings).toMatchObject({ enabled: true, consecutiveFailures: 1 });
    advanceClock(HOUR - 60_000);
    await adjust(w, "USD", "-1");
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(1);
    advanceClock(61_000);
    await adjust(w, "USD", "-1");
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(2);
    advanceClock(HOUR + 1000);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    view = await attempts(w);
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(3);
    expect(view.settings).toMatchObject({ enabled: false, consecutiveFailures: 3 });
    expect(view.settings!.disabledReason).toContain("off after 3 declined payments");
    const failures = (await platformEvents(w)).filter(([type]) => type === "auto_top_up.failed").map(([, data]) => data);
    expect(failures.map((d) => [d.status, d.decline_code, d.auto_top_up_enabled])).toEqual([
      ["failed", "insufficient_funds", true], ["failed", "insufficient_funds", true], ["failed", "insufficient_funds", false],
    ]);

    advanceClock(5 * HOUR);
    await adjust(w, "USD", "-1");
    await runPaymentJobsFor(suite.database.db, w.customerId);
    const session = (await callApi("POST", "/api/v1/top-ups", { key: w.key, body: { customer_id: w.customerId, amount: 5, currency: "USD" } })).json;
    const cs = [...stub.state.sessions.values()].find((s) => s.metadata.top_up_id === session.id);
    stub.completeCheckout(cs.id);
    await deliverWebhook(stub.event("checkout.session.completed", cs));
    await adjust(w, "USD", "-1");
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(3);
    expect((await attempts(w)).settings).toMatchObject({ enabled: false });
  });

  it("never retries a hard decline", async () => {
    const { w, customer } = await setUp({ behaviour: "hard_decline" });
    await adjust(w, "USD", "-45");
    const view = await attempts(w);
    expect(view.attempts[0]).toMatchObject({ status: "failed", hardDecline: true });
    expect(view.settings).toMatchObject({ enabled: false });
    expect(view.settings!.disabledReason).toContain("won't be charged again");
    for (let i = 0; i < 3; i++) {
      advanceClock(2 * HOUR);
      await adjust(w, "USD", "-1");
      await runPaymentJobsFor(suite.database.db, w.customerId);
    }
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(1);
  });

  it("pauses without credit when the bank asks for authentication, and resumes once the customer confirms a card", async () => {
    const { w, customer } = await setUp({ behaviour: "authenticate" });
    await adjust(w, "USD", "-45");
    expect((await attempts(w)).attempts[0]).toMatchObject({ status: "requires_action" });
    expect((await attempts(w)).settings).toMatchObject({ enabled: true, actionRequired: true });
    advanceClock(2 * HOUR);
    await adjust(w, "USD", "-1");
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(1);
    expect((await balanceOf(w, "default:USD")).json.available).toBe(4);

    // Signed in after the clock moved, so the portal session is fresh.
    const portal = await portalSession(suite.database, w);
    const started = await portal("POST", "/api/portal/auto-top-up/default:USD/confirm-card");
    expect(started.status, started.text).toBe(201);
    const setup = [...stub.state.sessions.values()].find((s) => s.mode === "setup" && s.customer === customer.providerCustomerId);
    expect(setup.metadata).toMatchObject({ purpose: "confirm_card", account_name: "default", asset: "USD" });
    const { card } = stub.completeSetup(setup.id);
    expect((await deliverWebhook(stub.event("checkout.session.completed", setup))).json.outcome).toBe("card_confirmed");
    await drainAutoTopUps();
    const second = intentsFor(customer.providerCustomerId)[1]!;
    expect(second.body.payment_method).toBe(card.id);
    await succeed([...stub.state.intents.values()].find((i) => i.payment_method === card.id).id);
    expect((await balanceOf(w, "default:USD")).json.available).toBe(29);
    expect((await attempts(w)).settings).toMatchObject({ actionRequired: false, paymentMethodId: card.id });
  });

  it("stops at the platform's daily cap and at the customer's monthly cap, logging each once", async () => {
    const { w, customer } = await setUp({ balance: "5" });
    const put = await callApi("PUT", "/api/v1/platform/settings", { key: w.key, body: { auto_top_up: { max_charges_per_day: 2 } } });
    expect(put.json.auto_top_up.max_charges_per_day).toBe(2);
    const credit = async () => succeed([...stub.state.intents.values()].filter((i) => i.customer === customer.providerCustomerId).at(-1).id);
    await credit();
    await adjust(w, "USD", "-25");
    await credit();
    await adjust(w, "USD", "-25");
    await adjust(w, "USD", "-1");
    const view = await attempts(w);
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(2);
    expect(view.attempts.filter((a) => a.status === "skipped")).toHaveLength(1);
    expect(view.attempts[0]!.reason).toBe("Daily limit reached: at most 2 automatic top-ups in 24 hours.");
    advanceClock(24 * HOUR + 1000);
    await adjust(w, "USD", "-1");
    expect(intentsFor(customer.providerCustomerId)).toHaveLength(3);

    const capped = await setUp({ balance: "5", monthlyCap: "30" });
    await succeed([...stub.state.intents.values()].find((i) => i.customer === capped.customer.providerCustomerId).id);
    await adjust(capped.w, "USD", "-25");
    const log = await attempts(capped.w);
    expect(intentsFor(capped.customer.providerCustomerId)).toHaveLength(1);
    expect(log.attempts[0]).toMatchObject({ status: "skipped", reason: "Monthly limit of $30.00 reached ($25.00 charged this month)." });
  });
});
