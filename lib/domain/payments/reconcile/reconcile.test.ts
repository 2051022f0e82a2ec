import { beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { advanceClock, now } from "@/lib/kernel/clock";
import { rowsOf } from "@/lib/kernel/db/rows";
import { jobHandler } from "@/lib/kernel/jobs/registry";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { withAdminToken } from "@/test/support/admin-token";
import { callApi } from "@/test/support/api-client";
import { paymentsWorld } from "@/test/support/payments-fixtures";
import { reconcileFor, scenarioBalances } from "@/test/support/reconcile-fixtures";
import { testDatabases } from "@/test/support/databases";
import { quietLogs } from "@/test/support/quiet-logs";
import { rowCounts } from "@/test/support/row-counts";
import { deliverWebhook } from "@/test/support/stripe-env";
import { stripeSuite } from "@/test/support/stripe-suite";
import { stubId } from "@/test/support/stripe-stub/state";
import { buildScenario, type Scenario } from "@/test/support/webhook-scenarios";
import { RECONCILE_STRIPE_JOB } from "./job";
import { reconcileStripe, type ReconcileOptions } from "./reconcile";

const DAY = 86_400_000;

describe.each(testDatabases())("Stripe reconciliation on $name", (target) => {
  const suite = stripeSuite(target);
  const stub = suite.stub;
  // The reverse check reads every platform's credits in this database; other files' are reported, not ours to see.
  quietLogs();
  // Each test has a Stripe account of its own; other files' top-ups in this database are not its business.
  beforeEach(() => stub.reset());

  const reconcile = (s: Scenario, options: ReconcileOptions = {}) => reconcileFor(suite.database, s.world, options);
  const balances = (s: Scenario) => scenarioBalances(s.world);

  it("finds nothing to do when every webhook arrived, on one page or many", async () => {
    const s = await buildScenario(suite.database, stub);
    for (const payload of s.events) expect((await deliverWebhook(payload)).status).toBe(200);
    const before = await rowCounts(suite.database.db, [s.world.platform.id]);
    const report = await reconcile(s);
    expect(report).toMatchObject({ mode: "test", payments: 6, refunds: 3, disputes: 2, otherDeployments: 0, repaired: [], unexplained: [] });
    const paged = await reconcile(s, { pageSize: 2 });
    expect(paged).toMatchObject({ payments: 6, refunds: 3, disputes: 2, repaired: [], unexplained: [] });
    expect(stub.calls("GET", "/v1/payment_intents").filter((c) => c.query.starting_after)).toHaveLength(2);
    expect(await rowCounts(suite.database.db, [s.world.platform.id])).toEqual(before);
  });

  it("applies, exactly once, every payment, refund and lost dispute whose webhook never came", async () => {
    const s = await buildScenario(suite.database, stub);
    const report = await reconcile(s);
    expect(report.unexplained).toEqual([]);
    const repaired = report.repaired.map((f) => f.kind).sort();
    // Payments a, b, d, e and f; d's two refunds that went through; f's lost dispute. The failed refund and
    // the won dispute moved no money, so the ledger may skip them.
    expect(repaired).toEqual([...Array(5).fill("missing_credit"), ...Array(3).fill("missing_reversal")]);
    expect(await balances(s)).toEqual({ usd: s.expected.balances["default:USD"], credits: s.expected.balances["default:CREDIT"] });
    expect(await reconcile(s)).toMatchObject({ repaired: [], unexplained: [] });
    // The late webhooks change nothing more.
    for (const payload of s.events) expect((await deliverWebhook(payload)).status).toBe(200);
    expect(await balances(s)).toEqual({ usd: s.expected.balances["default:USD"], credits: s.expected.balances["default:CREDIT"] });
    expect(await reconcile(s)).toMatchObject({ repaired: [], unexplained: [] });
    expect(await findLedgerViolations(suite.database.db, s.world.platform.id)).toEqual([]);
  });

  it("only reports, changing nothing, when asked not to repair", async () => {
    const s = await buildScenario(suite.database, stub);
    const before = await rowCounts(suite.database.db, [s.world.platform.id]);
    const report = await reconcile(s, { repair: false });
    expect(report.repaired).toEqual([]);
    expect(report.unexplained.map((f) => f.kind).filter((k) => k === "missing_credit")).toHaveLength(5);
    expect(await rowCounts(suite.database.db, [s.world.platform.id])).toEqual(before);
  });

  it("reports, and leaves alone, credits and reversals Stripe does not back", async () => {
    const s = await buildScenario(suite.database, stub);
    for (const payload of s.events) expect((await deliverWebhook(payload)).status).toBe(200);
    const intents = [...stub.state.intents.values()];
    const [first, second] = intents.filter((pi) => pi.status === "succeeded" && !stub.state.charges.get(pi.latest_charge)?.disputed);
    first.status = "canceled";
    second.amount_received -= 1;
    const refund = [...stub.state.refunds.values()].find((r) => r.status === "succeeded");
    stub.state.refunds.delete(refund.id);
    const platformId = s.world.platform.id;
    stub.state.intents.set("pi_lost", { ...second, id: "pi_lost", metadata: { ...second.metadata, top_up_id: stubId("tu") } });
    stub.state.intents.set("pi_elsewhere", { ...second, id: "pi_elsewhere", metadata: { top_up_id: "tu_x", platform_id: "acc_someoneelse" } });
    const before = { balances: await balances(s), rows: await rowCounts(suite.database.db, [platformId]) };

    const report = await reconcile(s);
    const found = report.unexplained.map((f) => `${f.kind} ${f.paymentIntentId}`).sort();
    expect(found).toEqual(
      [
        `unexpected_credit ${first.id}`,
        `amount_mismatch ${second.id}`,
        `unexpected_credit ${second.id}`,
        `unexpected_reversal ${refund.payment_intent}`,
        "unknown_top_up pi_lost",
      ].sort(),
    );
    expect(report.unexplained.find((f) => f.kind === "unexpected_reversal")!.detail).toContain(`refund:${refund.id}`);
    expect(report).toMatchObject({ otherDeployments: 1, repaired: [] });
    expect({ balances: await balances(s), rows: await rowCounts(suite.database.db, [platformId]) }).toEqual(before);
  });

  it("reaches payments made before the window through their credits and their events", async () => {
    const s = await buildScenario(suite.database, stub);
    advanceClock(40 * DAY);
    for (const payload of s.events) expect((await deliverWebhook(payload)).status).toBe(200);
    // Listed by nothing created in the last 30 days, the five credits are checked through Stripe one by one.
    expect(await reconcile(s)).toMatchObject({ payments: 5, refunds: 3, disputes: 2, repaired: [], unexplained: [] });
    const [old] = [...stub.state.intents.values()].filter((pi) => pi.status === "succeeded" && !stub.state.charges.get(pi.latest_charge).disputed);
    // Disputed 40 days after paying; the webhook is lost.
    stub.event("charge.dispute.created", stub.dispute(old.id, 500, "needs_response"));
    const report = await reconcile(s);
    expect(report.repaired).toEqual([expect.objectContaining({ kind: "missing_reversal", paymentIntentId: old.id })]);
    expect(report.unexplained).toEqual([]);
    const paid = [...stub.state.intents.values()].find((pi) => pi.status === "succeeded" && pi.id !== old.id)!;
    paid.status = "canceled";
    const after = await reconcile(s);
    expect(after.unexplained).toEqual([expect.objectContaining({ kind: "unexpected_credit", paymentIntentId: paid.id, detail: `pi:${paid.id}: credited, but the PaymentIntent is canceled` })]);
  });

  it("completes a plan payment whose webhook never came, crediting no wallet, and reports a second payment of it", async () => {
    const w = await paymentsWorld(suite.database);
    const api = (method: string, path: string, body?: unknown) => callApi(method, `/api/v1${path}`, { key: w.key, body });
    await api("POST", "/products", {
      name: "Pro", code: "pro", publish: true,
      prices: [{ name: "Fee", type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: 20 }] }] }],
    });
    await api("POST", `/customers/${w.customerId}/subscriptions`, { products: [{ code: "pro" }], return_url: "https://a.example/ok", failure_url: "https://a.example/no" });
    const session = [...stub.state.sessions.values()].find((x) => x.metadata.customer_id === w.customerId);
    const { intent } = stub.completeCheckout(session.id);
    stub.refund(intent.id, 500);
    const report = await reconcileStripe(suite.database.db);
    expect(report.repaired).toEqual([expect.objectContaining({ kind: "missing_credit", paymentIntentId: intent.id, platformId: w.platform.id })]);
    expect(report.unexplained.filter((f) => f.platformId === w.platform.id)).toEqual([]);
    expect((await api("GET", `/customers/${w.customerId}/subscriptions`)).json.items[0].status).toBe("active");
    expect((await api("GET", `/customers/${w.customerId}/wallet/default:USD`)).json.available).toBe(0);
    expect((await reconcileStripe(suite.database.db)).repaired).toEqual([]);
    // The customer paid the same plan charge again (a second Checkout tab): the plan took one, the other is owed back.
    const again = { ...intent, id: "pi_paid_twice" };
    stub.state.intents.set(again.id, again);
    const report2 = await reconcileStripe(suite.database.db);
    expect(report2.unexplained.filter((f) => f.platformId === w.platform.id)).toEqual([
      expect.objectContaining({ kind: "duplicate_payment", paymentIntentId: "pi_paid_twice", detail: `the plan charge was already paid by ${intent.id}; refund this one` }),
    ]);
  });

  it("answers the operator through the admin API, and no one else", async () => {
    await withAdminToken(async (token) => {
      const s = await buildScenario(suite.database, stub);
      const call = (raw: string, bearer = token) => callApi("POST", "/api/admin/reconciliations", { raw, headers: { authorization: `Bearer ${bearer}` } });
      expect((await callApi("POST", "/api/admin/reconciliations", { raw: "{}", key: s.world.key })).status).toBe(404);
      expect((await call("{}", `${token}x`)).status).toBe(404);
      for (const bad of ['{"days":0}', '{"days":91}', '{"days":"30"}', '{"repair":"no"}', '{"extra":1}', "[]"]) expect((await call(bad)).status, bad).toBe(422);
      const dry = await call('{"repair":false}');
      expect(dry.status).toBe(200);
      expect(dry.json.unexplained.filter((f: { platform_id: string }) => f.platform_id === s.world.platform.id)).toHaveLength(8);
      const wet = await call('{"days":7}');
      expect(wet.json).toMatchObject({ mode: "test", payments: 6, refunds: 3, disputes: 2, other_deployments: 0 });
      expect(wet.json.repaired).toHaveLength(8);
      expect(wet.json.repaired[0]).toEqual({ kind: "missing_credit", payment_intent_id: expect.stringMatching(/^pi_/), top_up_id: expect.any(String), platform_id: s.world.platform.id, detail: expect.any(String) });
    });
  });

  it("runs daily as a background job, booking tomorrow's run before it works", async () => {
    const s = await buildScenario(suite.database, stub);
    const db = suite.database.db;
    try {
      await jobHandler(RECONCILE_STRIPE_JOB)!(db, {}, { id: 0, kind: RECONCILE_STRIPE_JOB, attempts: 1, runAt: now() });
      expect(await balances(s)).toEqual({ usd: s.expected.balances["default:USD"], credits: s.expected.balances["default:CREDIT"] });
      const tomorrow = new Date(now().getTime() + DAY).toISOString().slice(0, 10);
      const booked = rowsOf<{ status: string }>(await db.execute(sql`SELECT status FROM jobs WHERE unique_key = ${`${RECONCILE_STRIPE_JOB}:${tomorrow}`}`));
      expect(booked).toEqual([{ status: "pending" }]);
    } finally {
      // Another file's drain, its clock a day ahead, would otherwise reconcile against its own Stripe stub.
      await db.execute(sql`DELETE FROM jobs WHERE kind = ${RECONCILE_STRIPE_JOB}`);
    }
  });
});
