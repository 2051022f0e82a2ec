import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { seededRandom } from "@/lib/workflows/demo/random";
import { armFaultWith, disarmFaults } from "@/lib/kernel/faults";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import type { OneDatabase, TestDatabase } from "@/test/support/databases";
import { balanceOf } from "@/test/support/payments-fixtures";
import { deliverWebhook } from "@/test/support/stripe-env";
import { quietLogs } from "@/test/support/quiet-logs";
import { stripeSuite } from "@/test/support/stripe-suite";
import { buildScenario, type Scenario } from "@/test/support/webhook-scenarios";

/** CHAOS_SCHEDULES for every database, CHAOS_SCHEDULES_PGLITE / _POSTGRES for one (the nightly run sizes them apart). */
function schedulesFor(target: TestDatabase): number {
  return Number(process.env[`CHAOS_SCHEDULES_${target.name.toUpperCase()}`] ?? process.env.CHAOS_SCHEDULES ?? 200);
}
/** T10: deliveries go out 1–20 at a time, and about 10 % of the passes through the webhook answer 5xx. */
const MAX_CONCURRENCY = 20;
const FAULT_CHANCE = 0.1;
/** Stripe retries a failed delivery for days; well before this many tries something is wrong. */
const MAX_TRIES = 12;

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

interface Delivered {
  /** The final answer to each delivery, after redeliveries of the ones answered 5xx. */
  statuses: number[];
  /** The bodies of final answers other than 200, to say what went wrong. */
  failures: string[];
  /** Deliveries answered 5xx and sent again, as Stripe redelivers them later. */
  redelivered: number;
}

interface Tally {
  runs: number;
  deliveries: number;
  redelivered: number;
}

/** Schedules that failed once (fast-check's seed and path), replayed on every run. */
const REGRESSIONS = [{ seed: -875968180, path: "72" }];

async function deliverAll(deliveries: string[], concurrency: number): Promise<Delivered> {
  const queue = deliveries.map((payload) => ({ payload, tries: 1 }));
  const out: Delivered = { statuses: [], failures: [], redelivered: 0 };
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
        const { status, text } = await deliverWebhook(item.payload);
        if (status < 500 || item.tries >= MAX_TRIES) {
          out.statuses.push(status);
          if (status !== 200) out.failures.push(`${status} after ${item.tries} tries: ${text.slice(0, 300)}`);
        } else {
          out.redelivered++;
          queue.push({ payload: item.payload, tries: item.tries + 1 });
        }
      }
    }),
  );
  return out;
}

async function checkFinalState(database: Database, s: Scenario): Promise<void> {
  const w = s.world;
  for (const [account, expected] of Object.entries(s.expected.balances)) {
    expect((await balanceOf(w, account)).json, account).toMatchObject({ available: expected, pending_in: 0 });
  }
  for (const [name, status] of Object.entries(s.expected.statuses)) {
    expect((await callApi("GET", `/api/v1/top-ups/${s.topUps[name]}`, { key: w.key })).json.status, name).toBe(status);
  }
  const [counts] = rowsOf<{ credits: number; reversals: number }>(
    await database.db.execute(sql`SELECT count(*) FILTER (WHERE idempotency_key LIKE 'pi:%')::int AS credits,
      count(*) FILTER (WHERE category IN ('refund', 'dispute'))::int AS reversals
      FROM ledger_transfers WHERE platform_id = ${w.platform.id}`),
  );
  expect(counts).toEqual({ credits: s.expected.paymentCredits, reversals: s.expected.reversals });
  expect(await findLedgerViolations(database.db, w.platform.id)).toEqual([]);
}

/**
 * T10, webhook delivery chaos, on one database. Each database gets its own test file, so the two long
 * runs go to different workers (and vitest.config.ts starts them first).
 */
export function webhookChaosSuite({ skip, targets }: OneDatabase): void {
  describe.skipIf(skip).each(targets)("webhook delivery chaos on $name", (target) => {
    const suite = stripeSuite(target);
    const schedules = schedulesFor(target);
    const stub = suite.stub;
    quietLogs();

    it("in order, each event once, reaches the expected ledger", async () => {
      const s = await buildScenario(suite.database, stub);
      for (const payload of s.events) expect((await deliverWebhook(payload)).status).toBe(200);
      await checkFinalState(suite.database, s);
    });

    const schedule = (tally: Tally) =>
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 1, max: MAX_CONCURRENCY }),
        fc.integer(),
        async (times, concurrency, seed) => {
          tally.runs++;
          const s = await buildScenario(suite.database, stub);
          const deliveries = s.events.flatMap((payload, i) => Array.from({ length: times[i % times.length]! }, () => payload));
          const random = seededRandom(seed);
          // Failing after the event is stored but before its credit, and after the commit but before the answer.
          for (const point of ["between-webhook-dedupe-and-credit", "after-commit-before-response"] as const) armFaultWith(point, () => random() < FAULT_CHANCE);
          let delivered: Delivered;
          try {
            delivered = await deliverAll(shuffled(deliveries, random), concurrency);
          } finally {
            disarmFaults();
          }
          tally.deliveries += deliveries.length;
          tally.redelivered += delivered.redelivered;
          expect(delivered.statuses.every((status) => status === 200), delivered.failures.join("\n")).toBe(true);
          await checkFinalState(suite.database, s);
        },
      );

    it.each(REGRESSIONS)("replays a schedule that once failed: seed $seed, path $path", async (replay) => {
      const tally = { runs: 0, deliveries: 0, redelivered: 0 };
      await fc.assert(schedule(tally), { ...replay, numRuns: 1, endOnFailure: true });
      expect(tally.runs).toBe(1);
    });

    it(`${schedules} schedules: every event 1–5 times, shuffled, 1–${MAX_CONCURRENCY} at a time, 5xx on ${FAULT_CHANCE * 100} % of passes → exactly one credit per PaymentIntent`, async () => {
      const tally = { runs: 0, deliveries: 0, redelivered: 0 };
      await fc.assert(schedule(tally), { numRuns: schedules });
      expect(tally.runs).toBe(schedules);
      expect(tally.redelivered).toBeGreaterThan(0);
      process.stdout.write(`[webhook chaos, ${target.name}] ${tally.runs} schedules, ${tally.deliveries} deliveries, ${tally.redelivered} answered 5xx and redelivered; 0 duplicate or missing credits\n`);
    }, Math.max(1_800_000, schedules * 30_000));
  });
}
