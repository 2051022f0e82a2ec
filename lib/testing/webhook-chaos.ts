import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { rowsOf } from "@/lib/db/rows";
import { findLedgerViolations } from "@/lib/ledger";
import { callApi } from "@/lib/testing/api-client";
import type { TestDatabase } from "@/lib/testing/databases";
import { balanceOf } from "@/lib/testing/payments-fixtures";
import { deliverWebhook } from "@/lib/testing/stripe-env";
import { stripeSuite } from "@/lib/testing/stripe-suite";
import { buildScenario, type Scenario } from "@/lib/testing/webhook-scenarios";

/** CHAOS_SCHEDULES for every database, CHAOS_SCHEDULES_PGLITE / _POSTGRES for one (the nightly run sizes them apart). */
function schedulesFor(target: TestDatabase): number {
  return Number(process.env[`CHAOS_SCHEDULES_${target.name.toUpperCase()}`] ?? process.env.CHAOS_SCHEDULES ?? 200);
}
const CONCURRENCY = 10;

/** A small seeded generator, so fast-check's seed alone replays a failing schedule. */
function shuffled<T>(items: T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

async function deliverAll(events: string[]): Promise<number[]> {
  const queue = [...events];
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let payload = queue.shift(); payload !== undefined; payload = queue.shift()) statuses.push((await deliverWebhook(payload)).status);
    }),
  );
  return statuses;
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
export function webhookChaosSuite(targets: TestDatabase[]): void {
  describe.skipIf(targets.length === 0).each(targets)("webhook delivery chaos on $name", (target) => {
    const suite = stripeSuite(target);
    const schedules = schedulesFor(target);
    const stub = suite.stub;

    it("in order, each event once, reaches the expected ledger", async () => {
      const s = await buildScenario(suite.database, stub);
      for (const payload of s.events) expect((await deliverWebhook(payload)).status).toBe(200);
      await checkFinalState(suite.database, s);
    });

    it(`${schedules} schedules: every event 1–5 times, shuffled, ${CONCURRENCY} at a time → exactly one credit per PaymentIntent`, async () => {
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 40, maxLength: 40 }), fc.integer(), async (times, seed) => {
          runs++;
          const s = await buildScenario(suite.database, stub);
          const deliveries = s.events.flatMap((payload, i) => Array.from({ length: times[i % times.length]! }, () => payload));
          const statuses = await deliverAll(shuffled(deliveries, seed));
          expect(statuses.every((status) => status === 200), `statuses ${statuses.join(",")}`).toBe(true);
          await checkFinalState(suite.database, s);
        }),
        { numRuns: schedules },
      );
      expect(runs).toBe(schedules);
    }, Math.max(900_000, schedules * 10_000));
  });
}
