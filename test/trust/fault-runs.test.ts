import { describe, expect, it } from "vitest";
import { advanceClock } from "@/lib/kernel/clock";
import { seededRandom } from "@/lib/workflows/demo/random";
import { armFaultWith, disarmFaults, faultsFired, type FaultName } from "@/lib/kernel/faults";
import { runPaymentJobsFor } from "@/test/support/payment-jobs";
import { testDatabases } from "@/test/support/databases";
import { quietLogs } from "@/test/support/quiet-logs";
import { stripeSuite } from "@/test/support/stripe-suite";
import { faultRunViolations } from "./fault-checks";
import { announceNewIntents, faultWorld, payByCheckout, redeliverIntentWebhooks, retryPending, sendDebit, sendUsage } from "./fault-world";

/**
 * Seeded fault runs (T8, FoundationDB's buggify defaults): in each run every named fault point is
 * live with p = 0.25 and, when live, fires on each pass with p = 0.25, over a random mix of Checkout
 * top-ups with their webhooks, usage events, debits and the auto top-ups they trigger. Then recovery as
 * production has it (the payment jobs after their delays, Stripe's redeliveries, clients' retries) and
 * the checks: a failure names its run seed, and FAULT_SEED=<seed> FAULT_RUNS=1 replays it.
 */
const RUNS = Number(process.env.FAULT_RUNS ?? 25);
const BASE_SEED = Number(process.env.FAULT_SEED ?? 20261121);
const POINTS: FaultName[] = ["after-stripe-call-before-commit", "after-commit-before-response", "between-webhook-dedupe-and-credit", "auto-top-up-after-attempt-row"];
const MINUTES = 60_000;

describe.each(testDatabases())("seeded fault runs on $name", (target) => {
  const suite = stripeSuite(target);
  const stub = suite.stub;
  quietLogs();

  interface RunResult {
    live: FaultName[];
    violations: string[];
    /** What the run exercised: requests sent, PaymentIntents paid (Checkout and off-session). */
    coverage: { events: number; debits: number; checkouts: number; autoTopUps: number };
  }

  async function oneRun(seed: number): Promise<RunResult> {
    const random = seededRandom(seed);
    const w = await faultWorld(suite.database, stub);
    const live = POINTS.filter(() => random() < 0.25);
    for (const point of live) armFaultWith(point, () => random() < 0.25);
    const steps = 4 + Math.floor(random() * 5);
    for (let n = 0; n < steps; n++) {
      const pick = random();
      if (pick < 0.35) await sendUsage(w, n, 1 + Math.floor(random() * 4));
      else if (pick < 0.8) await sendDebit(w, n, 5 + Math.floor(random() * 20));
      else await payByCheckout(suite.database, stub, w, 10 + Math.floor(random() * 30));
      if (random() < 0.6) await announceNewIntents(stub, w);
      if (random() < 0.3) advanceClock(Math.floor(random() * 3 * MINUTES));
    }
    // The crash is over: recovery runs as production runs it, with no faults left armed.
    disarmFaults();
    const unanswered = await retryPending(w);
    // 2 minutes: interrupted attempts are resumed; 10 more: the jobs ask Stripe about unanswered ones.
    for (const wait of [2, 10]) {
      advanceClock(wait * MINUTES);
      await runPaymentJobsFor(suite.database.db, w.customerId);
      await redeliverIntentWebhooks(stub, w);
      await runPaymentJobsFor(suite.database.db, w.customerId);
    }
    const intents = [...stub.state.intents.values()].filter((i) => i.customer === w.providerCustomerId && i.status === "succeeded");
    const coverage = { events: w.eventIds.length, debits: w.debits.length, checkouts: w.checkouts, autoTopUps: intents.length - w.checkouts };
    return { live, violations: [...unanswered, ...(await faultRunViolations(suite.database, stub, w))], coverage };
  }

  it(`${RUNS} seeded runs with faults at every named point → consistent after recovery`, async () => {
    const firedBefore = new Map(faultsFired());
    const activated = new Map<FaultName, number>();
    const failures: string[] = [];
    const covered = { events: 0, debits: 0, checkouts: 0, autoTopUps: 0 };
    for (let i = 0; i < RUNS; i++) {
      const seed = BASE_SEED + i;
      const { live, violations, coverage } = await oneRun(seed);
      for (const k of Object.keys(covered) as (keyof typeof covered)[]) covered[k] += coverage[k];
      for (const point of live) activated.set(point, (activated.get(point) ?? 0) + 1);
      if (violations.length > 0) failures.push(`seed ${seed} (live: ${live.join(", ") || "none"}): ${violations.join("; ")}`);
    }
    const tally = POINTS.map((p) => ({ point: p, live_in_runs: activated.get(p) ?? 0, fired: (faultsFired().get(p) ?? 0) - (firedBefore.get(p) ?? 0) }));
    const total = tally.reduce((s, t) => s + t.fired, 0);
    process.stdout.write(
      `[fault runs, ${target.name}] ${RUNS} runs from seed ${BASE_SEED}; faults fired ${total}, survived ${failures.length === 0 ? total : "NOT ALL"}; ` +
        `violations ${failures.length}; ${covered.events} events, ${covered.debits} debits, ${covered.checkouts} Checkout and ${covered.autoTopUps} auto top-ups paid\n${tally.map((t) => `  ${t.point}: live in ${t.live_in_runs} runs, fired ${t.fired}`).join("\n")}\n`,
    );
    expect(failures).toEqual([]);
    expect(total).toBeGreaterThan(0);
    // A point passes only a few times per run; over a long run each one must have fired (lib/domain/payments/crash-safety.test.ts fires each deterministically).
    if (RUNS >= 200) expect(tally.filter((t) => t.fired === 0).map((t) => t.point)).toEqual([]);
  }, 600_000 + RUNS * 30_000);
});
