import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { advanceClock } from "@/lib/kernel/clock";
import { rowsOf } from "@/lib/kernel/db/rows";
import { armFault, faultsFired } from "@/lib/kernel/faults";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { dec } from "@/lib/kernel/money";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { adjust, balanceOf, paymentsWorld } from "@/test/support/payments-fixtures";
import { deliverWebhook } from "@/test/support/stripe-env";
import { stripeSuite } from "@/test/support/stripe-suite";
import { driveAttempt } from "@/lib/domain/payments/auto-top-up/drive";
import { saveAutoTopUp } from "@/lib/domain/payments/auto-top-up/save-settings";
import { ensurePaymentCustomer } from "./customers";
import { runPaymentJobsFor } from "@/test/support/payment-jobs";
import { stripeProvider } from "@/lib/domain/payments/stripe/stripe-provider";

const MINUTES = 60_000;

describe.each(testDatabases())("crash safety at the named fault points on $name", (target) => {
  const suite = stripeSuite(target);
  const stub = suite.stub;


  async function armedAccount() {
    const w = await paymentsWorld(suite.database);
    await adjust(w, "USD", "50");
    const customer = await ensurePaymentCustomer(suite.database.db, w.scope, stripeProvider);
    const card = stub.state.addCard(customer.providerCustomerId);
    await saveAutoTopUp(suite.database.db, w.scope, "default:USD", { enabled: true, threshold: dec("10"), amount: dec("25"), payment_method_id: card.id, consent: true });
    const charges = () => stub.calls("POST", "/v1/payment_intents").filter((r) => r.body.customer === customer.providerCustomerId);
    const intents = () => [...stub.state.intents.values()].filter((i) => i.customer === customer.providerCustomerId);
    const attempt = async () =>
      rowsOf<{ id: string; status: string }>(await suite.database.db.execute(sql`SELECT id, status FROM auto_top_up_attempts WHERE customer_id = ${w.customerId} AND status <> 'skipped'`));
    return { w, charges, intents, attempt };
  }

  it("auto-top-up-after-attempt-row: the crashed attempt is resumed once, with its own key, and never charged twice", async () => {
    const { w, charges, intents, attempt } = await armedAccount();
    armFault("auto-top-up-after-attempt-row");
    await adjust(w, "USD", "-45");
    expect(faultsFired().get("auto-top-up-after-attempt-row")).toBeGreaterThan(0);
    expect(await attempt()).toEqual([{ id: expect.any(String), status: "pending" }]);
    expect(charges()).toHaveLength(0);
    await adjust(w, "USD", "-1");
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(charges()).toHaveLength(0);
    advanceClock(2 * MINUTES);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    const [row] = await attempt();
    expect(charges().map((c) => c.idempotencyKey)).toEqual([row!.id]);
    await driveAttempt(suite.database.db, row!.id);
    expect(charges()).toHaveLength(1);
    await deliverWebhook(stub.event("payment_intent.succeeded", intents()[0]));
    expect((await balanceOf(w, "default:USD")).json.available).toBe(29);
  });

  it("an interrupted attempt is never sent once the customer has switched auto top-up off", async () => {
    const { w, charges, attempt } = await armedAccount();
    armFault("auto-top-up-after-attempt-row");
    await adjust(w, "USD", "-45");
    await saveAutoTopUp(suite.database.db, w.scope, "default:USD", { enabled: false, threshold: dec("10"), amount: dec("25") });
    advanceClock(2 * MINUTES);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect(charges()).toHaveLength(0);
    expect(await attempt()).toEqual([{ id: expect.any(String), status: "failed" }]);
    const log = await callApi("GET", `/api/v1/top-ups?customer_id=${w.customerId}`, { key: w.key });
    expect(log.json.items[0]).toMatchObject({ origin: "auto", status: "cancelled" });
  });

  it("after-stripe-call-before-commit: the re-run sends the same key, Stripe answers with the same PaymentIntent, one credit", async () => {
    const { w, charges, intents, attempt } = await armedAccount();
    armFault("after-stripe-call-before-commit");
    await adjust(w, "USD", "-45");
    expect(charges()).toHaveLength(1);
    expect((await attempt())[0]!.status).toBe("pending");
    advanceClock(2 * MINUTES);
    await adjust(w, "USD", "-1");
    const calls = charges();
    expect(calls).toHaveLength(2);
    expect(calls[1]!.idempotencyKey).toBe(calls[0]!.idempotencyKey);
    expect(calls[1]!.replayed).toBe(true);
    expect(intents()).toHaveLength(1);
    expect((await attempt())[0]!.status).toBe("processing");
    const event = stub.event("payment_intent.succeeded", intents()[0]);
    await deliverWebhook(event);
    await deliverWebhook(event);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect((await balanceOf(w, "default:USD")).json.available).toBe(29);
    expect(await findLedgerViolations(suite.database.db, w.platform.id)).toEqual([]);
  });

  it("a webhook that never comes: after the grace period the job asks Stripe and credits once", async () => {
    const { w, attempt } = await armedAccount();
    await adjust(w, "USD", "-45");
    expect((await attempt())[0]!.status).toBe("processing");
    advanceClock(5 * MINUTES);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect((await balanceOf(w, "default:USD")).json.available).toBe(5);
    advanceClock(6 * MINUTES);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect((await attempt())[0]!.status).toBe("succeeded");
    expect((await balanceOf(w, "default:USD")).json.available).toBe(30);
    await runPaymentJobsFor(suite.database.db, w.customerId);
    expect((await balanceOf(w, "default:USD")).json.available).toBe(30);
  });

  it("between-webhook-dedupe-and-credit: a crash after storing the event loses nothing; Stripe's redelivery credits once", async () => {
    const { w, intents } = await armedAccount();
    await adjust(w, "USD", "-45");
    const event = stub.event("payment_intent.succeeded", intents()[0]);
    armFault("between-webhook-dedupe-and-credit");
    const crashed = await deliverWebhook(event);
    expect(crashed.status).toBe(500);
    expect((await balanceOf(w, "default:USD")).json.available).toBe(5);
    expect((await deliverWebhook(event)).json.outcome).toBe("credited");
    expect((await deliverWebhook(event)).json.outcome).toBe("duplicate");
    expect((await balanceOf(w, "default:USD")).json.available).toBe(30);

    const second = await armedAccount();
    await adjust(second.w, "USD", "-45");
    const lost = stub.event("payment_intent.succeeded", second.intents()[0]);
    armFault("between-webhook-dedupe-and-credit");
    expect((await deliverWebhook(lost)).status).toBe(500);
    // Stripe retries an unacknowledged event later, signing each delivery afresh.
    advanceClock(45 * MINUTES);
    expect((await deliverWebhook(lost)).json.outcome).toBe("credited");
    expect((await balanceOf(second.w, "default:USD")).json.available).toBe(30);
    expect((await deliverWebhook(lost)).json.outcome).toBe("duplicate");
    const txns = await callApi("GET", `/api/v1/customers/${second.w.customerId}/wallet/default:USD/transactions`, { key: second.w.key });
    expect(txns.json.items.filter((t: { category: string }) => t.category === "auto_top_up")).toHaveLength(1);
  });
});
