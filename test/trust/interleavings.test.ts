import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advanceClock } from "@/lib/kernel/clock";
import { dec } from "@/lib/kernel/money";
import { drainAutoTopUps } from "@/lib/domain/payments/auto-top-up/background";
import { triggerAutoTopUp } from "@/lib/domain/payments/auto-top-up/trigger";
import { initiateTopUp } from "@/lib/domain/payments/top-ups/initiate";
import { testDatabases } from "@/test/support/databases";
import { runPaymentJobsFor } from "@/test/support/payment-jobs";
import { quietLogs } from "@/test/support/quiet-logs";
import { deliverWebhook } from "@/test/support/stripe-env";
import { stripeSuite } from "@/test/support/stripe-suite";
import { faultRunViolations } from "./fault-checks";
import { announceNewIntents, faultWorld, redeliverIntentWebhooks, retryPending, sendDebit, sendUsage } from "./fault-world";

/**
 * T6, interleavings under fast-check's scheduler: the paths that move one customer's money run at
 * once (both Checkout webhooks of a top-up, a debit that starts an auto top-up, a usage batch and the
 * customer's "try again now") and the scheduler decides when each starts and when Stripe answers each
 * of their calls. Then Stripe's webhooks for the off-session charges and the payment jobs, as in
 * production, and the fault runs' checks: one credit per succeeded PaymentIntent and nothing else, no
 * attempt left open, every event and debit applied once, the balance exact. A failure prints the
 * schedule (fast-check's report of the order it released every call in).
 */
const RUNS = Number(process.env.INTERLEAVING_RUNS ?? 100);
const MINUTES = 60_000;

/**
 * After each release the event loop turns once, so calls whose database work has finished join the
 * choice: path starts and Stripe's answers interleave, instead of every start going first.
 */
const scheduler = fc.scheduler({
  act: async (release) => {
    await release();
    await new Promise<void>((resolve) => setImmediate(resolve));
  },
});

describe.each(testDatabases())("interleavings of one customer's money paths on $name", (target) => {
  const suite = stripeSuite(target);
  const stub = suite.stub;
  quietLogs();

  async function oneSchedule(s: fc.Scheduler, debit: number, topUp: number): Promise<string[]> {
    const w = await faultWorld(suite.database, stub);
    const request = { customerId: w.customerId, amount: dec(String(topUp)), currency: "USD", accountName: "default", asset: "USD" };
    const checkout = (await initiateTopUp(suite.database.db, w.scope, request, "api")).topUp;
    const paid = stub.completeCheckout(checkout.checkoutSessionId!);
    w.checkouts++;
    w.announced.add(paid.intent.id);
    const webhook = (type: string, object: unknown) => async () => {
      const res = await deliverWebhook(stub.event(type, structuredClone(object)));
      if (res.status !== 200) throw new Error(`${type}: ${res.status} ${res.text}`);
    };
    const paths: [string, () => Promise<unknown>][] = [
      ["checkout.session.completed", webhook("checkout.session.completed", paid.session)],
      ["payment_intent.succeeded", webhook("payment_intent.succeeded", paid.intent)],
      [`debit ${debit}`, () => sendDebit(w, 1, debit)],
      ["usage, 2 videos", () => sendUsage(w, 2, 2)],
      ["try again now", () => triggerAutoTopUp(suite.database.db, w.scope, { name: "default", asset: "USD" }, { manual: true, wait: true })],
    ];
    stub.gate = (call) => s.schedule(Promise.resolve(), `Stripe answers ${call.method} ${call.path}`);
    try {
      await s.waitFor(Promise.all(paths.map(([label, run]) => s.schedule(Promise.resolve(), `start: ${label}`).then(run))));
      await s.waitFor(drainAutoTopUps());
    } finally {
      stub.gate = undefined;
    }
    await announceNewIntents(stub, w);
    for (const wait of [2, 10]) {
      advanceClock(wait * MINUTES);
      await runPaymentJobsFor(suite.database.db, w.customerId);
      await redeliverIntentWebhooks(stub, w);
    }
    return [...(await retryPending(w)), ...(await faultRunViolations(suite.database, stub, w))];
  }

  it(`${RUNS} schedules of webhooks, a debit, usage and a manual auto top-up → one credit per PaymentIntent, balance exact`, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(scheduler, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 5, max: 40 }), async (s, debit, topUp) => {
        runs++;
        const violations = await oneSchedule(s, debit, topUp);
        expect(violations, s.report().map((t) => t.label).join(" → ")).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    expect(runs).toBe(RUNS);
    process.stdout.write(`[interleavings, ${target.name}] ${runs} schedules, 5 concurrent money paths each, every Stripe answer scheduled; 0 violations\n`);
  }, 600_000 + RUNS * 15_000);
});
