import { describe, expect, it } from "vitest";
import { freezeClock } from "@/lib/kernel/clock";
import { resetEnvCache } from "@/lib/kernel/env";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { balanceOf, paymentsWorld, adjust } from "@/test/support/payments-fixtures";
import { rowCounts } from "@/test/support/row-counts";
import { rowsOf } from "@/lib/kernel/db/rows";
import { sql } from "drizzle-orm";
import { deliverWebhook, TEST_WEBHOOK_SECRET, useStripeStub } from "@/test/support/stripe-env";
import { stripeSuite } from "@/test/support/stripe-suite";

const NOW = new Date("2031-05-01T12:00:00Z");
const T = Math.floor(NOW.getTime() / 1000);

describe.each(testDatabases())("Stripe webhook signatures on $name", (target) => {
  const suite = stripeSuite(target);
  const stub = suite.stub;


  /** The platform's rows, plus the global event store and job queue, which a refused delivery must not touch either. */
  async function written(platformId: string) {
    const [global] = rowsOf<{ events: number; jobs: number }>(
      await suite.database.db.execute(sql`SELECT (SELECT count(*)::int FROM payment_events) AS events, (SELECT count(*)::int FROM jobs) AS jobs`),
    );
    return { ...(await rowCounts(suite.database.db, [platformId])), ...global };
  }

  /** A paid Checkout top-up of $12 and the signed-able event that reports it. */
  async function paidTopUp() {
    const w = await paymentsWorld(suite.database);
    await adjust(w, "USD", "1");
    const res = await callApi("POST", "/api/v1/top-ups", { key: w.key, body: { customer_id: w.customerId, amount: 12, currency: "USD" } });
    const session = [...stub.state.sessions.values()].find((s) => s.metadata.top_up_id === res.json.id);
    stub.completeCheckout(session.id);
    return { w, payload: stub.event("checkout.session.completed", session) };
  }

  it("credits a correctly signed delivery once; every forged or mistimed one is refused and changes nothing", async () => {
    const { w, payload } = await paidTopUp();
    freezeClock(NOW);
    const refused: [string, Parameters<typeof deliverWebhook>[1], RegExp][] = [
      ["one byte changed", { timestamp: T, tamper: true }, /signature does not match/],
      ["wrong secret", { timestamp: T, secret: "whsec_someone_else" }, /signature does not match/],
      ["stale (301 s old)", { timestamp: T - 301 }, /older than 300/],
      ["future (61 s ahead)", { timestamp: T + 61 }, /in the future/],
    ];
    const before = await written(w.platform.id);
    for (const [label, options, detail] of refused) {
      const res = await deliverWebhook(payload, options);
      expect(res.status, label).toBe(400);
      expect(res.json.detail, label).toMatch(detail);
    }
    const unsigned = await callApi("POST", "/api/webhooks/stripe", { raw: payload });
    expect(unsigned.status).toBe(400);
    expect(await written(w.platform.id)).toEqual(before);
    expect((await balanceOf(w, "default:USD")).json.available).toBe(1);

    const ok = await deliverWebhook(payload, { timestamp: T - 300 });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json.outcome).toBe("credited");
    const dup = await deliverWebhook(payload, { timestamp: T + 60 });
    expect(dup.json.outcome).toBe("duplicate");
    expect((await balanceOf(w, "default:USD")).json.available).toBe(13);
  });

  it("acknowledges event types it does not handle without storing them", async () => {
    freezeClock(NOW);
    const before = await written("none");
    const res = await deliverWebhook(stub.event("customer.created", { id: "cus_x", object: "customer" }));
    expect(res.status).toBe(200);
    expect(res.json.outcome).toBe("ignored");
    expect(await written("none")).toEqual(before);
  });

  it("refuses webhooks when no signing secret is configured", async () => {
    const { payload } = await paidTopUp();
    delete process.env.STRIPE_WEBHOOK_SECRET;
    resetEnvCache();
    try {
      const res = await deliverWebhook(payload, { secret: TEST_WEBHOOK_SECRET });
      expect(res.status).toBe(400);
      expect(res.json.detail).toMatch(/not configured/);
    } finally {
      useStripeStub(stub);
    }
  });
});
