import fc from "fast-check";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { OPERATIONS } from "@/lib/openapi/document";
import type { Operation } from "@/lib/openapi/operation";
import { callApi, useDatabase } from "@/lib/testing/api-client";
import { eventId, sendEvents, setupBilling, subscribedCustomer, type BillingSetup } from "@/lib/testing/billing-fixtures";
import { testDatabases } from "@/lib/testing/databases";
import { rowCounts } from "@/lib/testing/row-counts";
import { useTestProvider } from "@/lib/testing/stripe-env";
import { arbitraryFor, type Hints, type JsonSchema } from "./json-schema-arb";
import { MUTATIONS, mutateBody, mutateQuery, type Mutation } from "./mutations";

const RUNS = Number(process.env.FUZZ_RUNS ?? 4);
const FUZZED = OPERATIONS.filter((op) => op.body || op.query);

function schemaOf(zodSchema: z.ZodType): JsonSchema {
  return z.toJSONSchema(zodSchema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

interface World {
  setup: BillingSetup;
  params: Record<string, string>;
  hints: Hints;
}

async function seedWorld(db: Database["db"]): Promise<World> {
  const setup = await setupBilling(db, ["video"]);
  const customerId = await subscribedCustomer(setup.key, ["video_gen_std"]);
  const event = eventId("fuzz");
  await sendEvents(setup.key, customerId, [{ id: event, event_type: "video_generated" }]);
  const webhook = await callApi("POST", "/api/v1/webhooks", { key: setup.key, body: { url: "https://hooks.example.com/in" } });
  const product = setup.products.video!;
  const params = { customerId, accountId: "default:USD", code: "CREDIT", productId: product.id, version: String(product.version), webhookId: webhook.json.id };
  const hints: Hints = {
    customer_id: [customerId], asset: ["USD", "CREDIT"], currency: ["USD"], source: ["USD"], code: [product.code, "CREDIT"],
    event_type: ["video_generated"], url: ["https://hooks.example.com/in"], return_url: ["https://app.example.com/r"], failure_url: ["https://app.example.com/f"],
  };
  return { setup, params, hints };
}

describe.each(testDatabases())("schema-driven input fuzzing on $name", (target) => {
  let database: Database;
  let world: World;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    useTestProvider();
    world = await seedWorld(database.db);
  });
  afterAll(() => database.close());

  async function probe(op: Operation, value: unknown, kind: Mutation, pick: number): Promise<void> {
    const path = `/api/v1${op.path.replace(/\{(\w+)\}/g, (_, p: string) => {
      // A new operation with a new path parameter needs a real id for it here, or it would only ever see 404s.
      if (!world.params[p]) throw new Error(`no value for path parameter {${p}}: seed one in seedWorld()`);
      return world.params[p];
    })}`;
    const schema = schemaOf((op.body ?? op.query)!);
    const query = op.query ? mutateQuery(value, schema, kind, pick) : "";
    const raw = op.body ? mutateBody(value, schema, kind, pick) : undefined;
    const before = await rowCounts(database.db, [world.setup.platform.id]);
    const res = await callApi(op.method.toUpperCase(), `${path}${query}`, { key: world.setup.key, ...(raw === undefined ? {} : { raw }) });
    const context = `${op.method} ${op.path} ${kind} #${pick}: ${(raw ?? query).slice(0, 300)} → ${res.status} ${res.text.slice(0, 300)}`;
    expect(res.status, context).toBeLessThan(500);
    if (res.status >= 400) expect(await rowCounts(database.db, [world.setup.platform.id]), context).toEqual(before);
  }

  it("fuzzes every documented operation with a body or a query", () => {
    expect(FUZZED.length).toBeGreaterThanOrEqual(25);
  });

  it.each(FUZZED.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    `%s: every mutation, then ${RUNS} random ones — never a 500, and no write on a 4xx`,
    async (_label, op) => {
      const valid = arbitraryFor(schemaOf((op.body ?? op.query)!), world.hints);
      // Each mutation once, on a valid payload, so every kind is exercised on every operation.
      for (const [i, kind] of MUTATIONS.entries()) await probe(op, fc.sample(valid, { numRuns: 1, seed: i })[0], kind, i);
      await fc.assert(
        fc.asyncProperty(valid, fc.constantFrom(...MUTATIONS), fc.nat(), (value, kind, pick) => probe(op, value, kind, pick)),
        { numRuns: RUNS, verbose: 1 },
      );
    },
    // The nightly run's 500 probes take 10–50 s per operation on a quiet machine, longer beside other work.
    Math.max(60_000, RUNS * 1_000),
  );
});
