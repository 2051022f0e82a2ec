import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { stringifyJson } from "@/lib/kernel/json";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { OPERATIONS } from "@/lib/http/openapi/document";
import { useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { feesAndDebits, oversizedEventData } from "@/test/support/stored-checks";
import { tenantFingerprint } from "@/test/support/row-counts";
import { useTestProvider } from "@/test/support/stripe-env";
import { aims, validBase, type Aim } from "./aims";
import { fuzzTargets, type FuzzTarget } from "./fuzz-targets";
import { callerFor, seedFuzzWorld, type Caller, type FuzzWorld } from "./fuzz-world";
import { arbitraryFor } from "./json-schema-arb";
import { mutateBody, mutatePath, mutateQuery, type Mutation } from "./mutations";
import { setAt } from "./schema-leaves";

const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const TARGETS = await fuzzTargets();

interface Sent {
  label: string;
  path: string;
  raw: string | undefined;
}

describe("schema-driven input fuzzing: coverage", () => {
  it("drives every route and method under /api/v1 and /api/portal, with the schemas each validates with", () => {
    expect(TARGETS.filter((t) => t.via === "api").length).toBeGreaterThanOrEqual(50);
    expect(TARGETS.filter((t) => t.via === "portal").length).toBeGreaterThanOrEqual(20);
    const missing = OPERATIONS.filter((op) => {
      const pattern = `/api/v1${op.path.replace(/\{(\w+)\}/g, "[$1]")}`;
      const target = TARGETS.find((t) => t.pattern === pattern && t.method === op.method.toUpperCase());
      return !target || Boolean(target.body) !== Boolean(op.body) || Boolean(target.query) !== Boolean(op.query);
    });
    expect(missing.map((op) => `${op.method} ${op.path}`), "documented operations the fuzzer does not drive as documented").toEqual([]);
  });

  it("aims a hostile value at every field, however deep: an event's id is events[0].id", () => {
    const ingest = TARGETS.find((t) => t.label === "POST /api/v1/events")!;
    const labels = aims(ingest).map((a) => a.label);
    expect(labels).toEqual(expect.arrayContaining(["events.0.id = string edge", "events.0.data = free-form edge", "events.0.occurred_at = date-time edge", "events.0.costs.0.amount = number edge"]));
  });
});

describe.each(testDatabases())("schema-driven input fuzzing on $name", (target) => {
  let database: Database;
  let world: FuzzWorld;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    useTestProvider();
    world = await seedFuzzWorld(database);
  });
  afterAll(() => database.close());

  /** The platform's rows as of the last answer: a 2xx moves it on, a 4xx must leave it as it was. */
  let rows: Record<string, string> = {};

  /** Sends one request; a 5xx fails the test, and so does any change to the platform's rows after a 4xx. */
  async function send(t: FuzzTarget, call: Caller, sent: Sent): Promise<void> {
    const res = await call(t.method, sent.path, sent.raw);
    const context = `${t.label} ${sent.label}: ${sent.path.slice(0, 300)} ${(sent.raw ?? "").slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
    expect(res.status, context).toBeLessThan(500);
    const after = await tenantFingerprint(database.db, [world.platformId]);
    if (res.status >= 400) expect(after, `a write after a ${res.status}: ${context}`).toEqual(rows);
    rows = after;
  }

  function mutated(t: FuzzTarget, value: { body?: unknown; query?: unknown }, kind: Mutation, pick: number): Sent {
    for (const p of t.params) {
      // A new route with a new path parameter needs a real id for it, or it would only ever see 404s.
      if (!Object.hasOwn(world.params, p)) throw new Error(`no value for path parameter [${p}]: seed one in test/trust/fuzz-world.ts`);
    }
    const query = t.query ? mutateQuery(value.query, t.query, kind, pick) : "";
    const raw = t.body ? mutateBody(value.body, t.body, kind, pick) : t.method === "GET" ? undefined : "{}";
    return { label: `${kind} #${pick}`, path: `${mutatePath(t.pattern, world.params, kind, pick)}${query}`, raw };
  }

  function aimed(t: FuzzTarget, aim: Aim, seed: number): Sent {
    const body = validBase(t.body, t.schemas.body, world.hints, seed, aim.where === "body" ? aim.path : []);
    const query = validBase(t.query, t.schemas.query, world.hints, seed) as Record<string, unknown> | undefined;
    const raw = aim.where === "body" ? stringifyJson(setAt(body, aim.path, aim.value)) : body !== undefined ? stringifyJson(body) : t.method === "GET" ? undefined : "{}";
    const { [String(aim.path[0])]: _replaced, ...rest } = query ?? {};
    const text = t.query ? mutateQuery(aim.where === "query" ? rest : query, t.query, "none", 0) : "";
    const extra = aim.where === "query" ? `${text ? "&" : "?"}${String(aim.path[0])}=${String(aim.value)}` : "";
    const path = mutatePath(t.pattern, world.params, "none", 0, aim.where === "path" ? { name: String(aim.path[0]), text: String(aim.value) } : undefined);
    return { label: `aimed ${aim.label}`, path: `${path}${text}${extra}`, raw };
  }

  it.each(TARGETS.map((t) => [t.label, t] as const))(
    `%s: every mutation that applies, a hostile value at every field, then ${RUNS} random probes — never a 500, no write on a 4xx, the ledger sound`,
    async (_label, t) => {
      const call = await callerFor(database, world, t.via);
      rows = await tenantFingerprint(database.db, [world.platformId]);
      const value = fc.record({
        body: t.body ? arbitraryFor(t.body, world.hints) : fc.constant(undefined),
        query: t.query ? arbitraryFor(t.query, world.hints) : fc.constant(undefined),
      });
      // Each applicable mutation once, on a generated payload, so every kind is exercised on every route.
      for (const [i, kind] of t.mutations.entries()) await send(t, call, mutated(t, fc.sample(value, { numRuns: 1, seed: i })[0]!, kind, i));
      for (const [i, aim] of aims(t).entries()) await send(t, call, aimed(t, aim, i));
      await fc.assert(
        fc.asyncProperty(value, fc.constantFrom(...t.mutations), fc.nat(), (v, kind, pick) => send(t, call, mutated(t, v, kind, pick))),
        { numRuns: RUNS, verbose: 1 },
      );
      // A 2xx can be wrong too: an event billed but never debited answered 200.
      expect(await findLedgerViolations(database.db, world.platformId)).toEqual([]);
      const money = await feesAndDebits(database.db, world.platformId);
      expect(money.fees, "Σ fees of billed events = Σ usage debits").toBe(money.debits);
      expect(await oversizedEventData(database.db, world.platformId), "events stored with data beyond 16 levels or 32 KiB").toEqual([]);
    },
    // The nightly run's 500 probes take 10–50 s per route on a quiet machine, longer beside other work.
    Math.max(60_000, RUNS * 1_000),
  );
});
