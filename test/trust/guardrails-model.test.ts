import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { billingSuite, type BillingSetup } from "@/test/support/billing-fixtures";
import { onlyDatabase } from "@/test/support/databases";
import { quietLogs } from "@/test/support/quiet-logs";
import { newWorld, opArb, runClient, worldViolations } from "./guardrails-world";

/**
 * Budgets and holds under races (docs/guardrails.md): holds, settlements, releases, expiries, budget
 * writes, adjustments and usage events on one wallet with a hard-stopped monthly budget. On Postgres,
 * 64 clients at once over real connections; on PGlite (one connection, so transactions queue),
 * fast-check's scheduler picks the order the clients' steps start in. Either way: no answer other than
 * success or a refusal, the ledger's invariants, no overshoot of the hard stop, every hold as its client
 * left it (none leaked, none settled twice), pending_out the sum of active holds, before and after expiry.
 */
const postgres = onlyDatabase("postgres");
const pglite = onlyDatabase("pglite");
const PG_RUNS = Number(process.env.GUARDRAIL_PG_RUNS ?? 3);
const PGLITE_RUNS = Number(process.env.GUARDRAIL_PGLITE_RUNS ?? 20);
const limitArb = fc.integer({ min: 5, max: 120 });

describe.skipIf(postgres.skip).each(postgres.targets)("guardrails under 64 concurrent clients on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  quietLogs();
  billingSuite(target, ["chat"], (d, s) => {
    database = d;
    setup = s;
  });

  it(`${PG_RUNS} runs of 64 clients racing on one wallet: no overshoot, no leaked hold, ledger sound`, { timeout: 60_000 }, async () => {
    const clients = fc.array(fc.array(opArb, { minLength: 2, maxLength: 5 }), { minLength: 64, maxLength: 64 });
    await fc.assert(
      fc.asyncProperty(clients, limitArb, async (plans, limit) => {
        const w = await newWorld(database, setup, limit);
        await Promise.all(plans.map((ops) => runClient(w, ops)));
        expect(await worldViolations(w)).toEqual([]);
      }),
      { numRuns: PG_RUNS, endOnFailure: true },
    );
  });
});

describe.skipIf(pglite.skip).each(pglite.targets)("guardrails under scheduled interleavings on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  quietLogs();
  billingSuite(target, ["chat"], (d, s) => {
    database = d;
    setup = s;
  });

  it(`${PGLITE_RUNS} schedules of 2–6 clients: no overshoot, no leaked hold, ledger sound`, { timeout: 60_000 }, async () => {
    const clients = fc.array(fc.array(opArb, { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), clients, limitArb, async (s, plans, limit) => {
        const w = await newWorld(database, setup, limit);
        const gate = (c: number) => (label: string) => s.schedule(Promise.resolve(), `client ${c}: ${label}`);
        await s.waitFor(Promise.all(plans.map((ops, c) => runClient(w, ops, gate(c)))));
        expect(await worldViolations(w)).toEqual([]);
      }),
      { numRuns: PGLITE_RUNS, endOnFailure: true },
    );
  });
});
