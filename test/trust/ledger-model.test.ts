import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, resetClock } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { dec } from "@/lib/kernel/money";
import { drainAutoTopUps } from "@/lib/domain/payments/auto-top-up/background";
import { registerAutoTopUp } from "@/lib/domain/payments/auto-top-up/listener";
import { triggerAutoTopUp } from "@/lib/domain/payments/auto-top-up/trigger";
import { applyPaymentState } from "@/lib/domain/payments/fulfilment/apply-payment-state";
import { postReversal } from "@/lib/domain/payments/fulfilment/reversals";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { useTestProvider } from "@/test/support/stripe-env";
import { createAdjustment } from "@/lib/workflows/wallet/create-adjustment";
import { AUTO, EVENT_PRICE, checkAll, expectAutoTopUp, freshModel, setUpReal, type Model, type Real } from "./ledger-model-world";

const RUNS = Number(process.env.MODEL_RUNS ?? 200);
const RUNS_PER_PLATFORM = 100;
let seq = 0;
const uniq = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;
const cents = (n: number) => dec(String(n)).div(100);

type Cmd = fc.AsyncCommand<Model, Real>;
const customerArb = fc.integer({ min: 0, max: 2 });

/** A credit or debit adjustment, or a replay of an earlier one (which must change nothing). */
class Adjust implements Cmd {
  constructor(readonly customer: number, readonly amountCents: number, readonly replay: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const earlier = this.replay ? m.adjustments.at(-1) : undefined;
    const body = earlier?.body ?? { transaction_id: uniq("adj"), asset: "USD", amount: cents(this.amountCents), reason: this.amountCents < 0 ? ("adjustment" as const) : ("gift" as const) };
    const customer = earlier?.customer ?? this.customer;
    const result = await createAdjustment(r.database.db, r.customers[customer]!, r.customers[customer]!.customerId, body);
    await drainAutoTopUps();
    expect(result.replayed).toBe(earlier !== undefined);
    if (!earlier) {
      m.adjustments.push({ customer, body });
      m.balances[customer] = m.balances[customer]!.plus(body.amount);
      if (body.amount.lt(0)) expectAutoTopUp(m, customer);
    }
    await checkAll(r, m, this.toString());
  }
  toString = () => `Adjust(c${this.customer}, ${cents(this.amountCents).toString()}${this.replay ? ", replay" : ""})`;
}

/** A batch of priced usage events (0.5 each), or the previous batch again (all duplicates). */
class Events implements Cmd {
  constructor(readonly customer: number, readonly count: number, readonly replay: boolean) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const earlier = this.replay ? m.batches.at(-1) : undefined;
    const batch = earlier ?? { customer: this.customer, events: Array.from({ length: this.count }, () => ({ id: uniq("evt"), event_type: "api_call" })) };
    const res = await callApi("POST", "/api/v1/events", { key: r.key, body: { customer_id: r.customers[batch.customer]!.customerId, events: batch.events } });
    await drainAutoTopUps();
    expect(res.status, res.text).toBeLessThan(300);
    expect(res.json.duplicates).toBe(earlier ? batch.events.length : 0);
    if (!earlier) {
      m.batches.push(batch);
      m.balances[batch.customer] = m.balances[batch.customer]!.minus(EVENT_PRICE.times(batch.events.length));
      expectAutoTopUp(m, batch.customer);
    }
    await checkAll(r, m, this.toString());
  }
  toString = () => `Events(c${this.customer}, ${this.count}${this.replay ? ", replay" : ""})`;
}

/** A top-up paid through the test provider's fulfilment path, delivered twice (credited once). */
class TopUp implements Cmd {
  constructor(readonly customer: number, readonly amountCents: number) {}
  check = () => true;
  async run(m: Model, r: Real) {
    const amount = cents(this.amountCents);
    const res = await callApi("POST", "/api/v1/top-ups", { key: r.key, body: { customer_id: r.customers[this.customer]!.customerId, amount: amount.toNumber(), currency: "USD" } });
    expect(res.status, res.text).toBe(201);
    const paymentIntentId = uniq("pi_model");
    const state = { provider: "test" as const, paymentIntentId, status: "succeeded" as const, amount, currency: "USD", livemode: false, topUpId: res.json.id, paymentMethodId: null, card: null, receiptUrl: null, error: null };
    expect(await applyPaymentState(r.database.db, state)).toBe("credited");
    expect(await applyPaymentState(r.database.db, state)).toBe("already_credited");
    m.topUps.push({ id: res.json.id, customer: this.customer, remaining: amount, paymentIntentId });
    m.balances[this.customer] = m.balances[this.customer]!.plus(amount);
    await checkAll(r, m, this.toString());
  }
  toString = () => `TopUp(c${this.customer}, ${cents(this.amountCents).toString()})`;
}

/** A partial or full refund of an earlier top-up (postReversal), sent twice: taken back once. */
class Refund implements Cmd {
  constructor(readonly pick: number, readonly percent: number) {}
  check = (m: Readonly<Model>) => m.topUps.some((t) => t.remaining.gt(0));
  async run(m: Model, r: Real) {
    const open = m.topUps.filter((t) => t.remaining.gt(0));
    const topUp = open[this.pick % open.length]!;
    const amount = Math.max(1, Math.floor(topUp.remaining.times(this.percent).toNumber())) / 100;
    const refund = { paymentIntentId: topUp.paymentIntentId, key: uniq("refund:re"), amount: dec(String(amount)), category: "refund" as const, description: "Refund" };
    expect(await postReversal(r.database.db, topUp.id, refund)).toBe(true);
    expect(await postReversal(r.database.db, topUp.id, refund)).toBe(false);
    topUp.remaining = topUp.remaining.minus(refund.amount);
    m.refunds.push({ topUpId: topUp.id, key: refund.key, amount: refund.amount });
    m.balances[topUp.customer] = m.balances[topUp.customer]!.minus(refund.amount);
    await checkAll(r, m, this.toString());
  }
  toString = () => `Refund(#${this.pick}, ${this.percent}%)`;
}

/** The customer's "try again now": charges the saved card iff the balance is below the threshold. */
class AutoTopUp implements Cmd {
  check = () => true;
  async run(m: Model, r: Real) {
    const plan = await triggerAutoTopUp(r.database.db, r.customers[AUTO.customer]!, { name: "default", asset: "USD" }, { manual: true, wait: true });
    const before = m.autoCharges;
    expectAutoTopUp(m, AUTO.customer);
    expect(plan.kind).toBe(m.autoCharges > before ? "attempt" : "none");
    await checkAll(r, m, this.toString());
  }
  toString = () => "AutoTopUp()";
}

const commands = [
  fc.tuple(customerArb, fc.integer({ min: -4000, max: 4000 }).filter((n) => n !== 0), fc.boolean()).map(([c, a, r]) => new Adjust(c, a, r)),
  fc.tuple(customerArb, fc.integer({ min: 1, max: 4 }), fc.boolean()).map(([c, n, r]) => new Events(c, n, r)),
  fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 500, max: 20_000 })).map(([c, a]) => new TopUp(c, a)),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 100 })).map(([p, pct]) => new Refund(p, pct)),
  fc.constant(new AutoTopUp()),
];

describe.each(testDatabases())("ledger model on $name", (target) => {
  let database: Database;
  let real: Real;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    useTestProvider();
    registerAutoTopUp();
    real = await setUpReal(database);
  });
  afterAll(async () => {
    resetClock();
    await database.close();
  });

  it(`matches an in-memory model with every invariant after every step (${RUNS} runs)`, async () => {
    let steps = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 8 }), async (cmds) => {
        // The invariants are checked over the whole platform after every step: a fresh platform every
        // RUNS_PER_PLATFORM runs keeps that check the same size at 20,000 runs as at 200.
        if (runs > 0 && runs % RUNS_PER_PLATFORM === 0) real = await setUpReal(database);
        runs++;
        // A day apart per run, so the auto top-up's daily charge cap starts fresh each run.
        advanceClock(25 * 60 * 60 * 1000);
        const model = await freshModel(real);
        await fc.asyncModelRun(() => ({ model, real }), cmds);
        steps += [...cmds].length;
      }),
      { numRuns: RUNS, verbose: 2 },
    );
    expect(steps).toBeGreaterThan(0);
    process.stdout.write(`[ledger model, ${target.name}] ${RUNS} runs, ${steps} steps, every invariant and balance checked after each; 0 violations\n`);
  }, Math.max(600_000, RUNS * 3_000));
});
