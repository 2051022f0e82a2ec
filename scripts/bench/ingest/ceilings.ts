import type { Database } from "../../../lib/kernel/db";
import { validate } from "../../../lib/http/parse";
import { createProduct } from "../../../lib/domain/catalog/create-product";
import { createProductSchema } from "../../../lib/domain/catalog/product-schema";
import { loadRatedProducts } from "../../../lib/domain/catalog/rated-products";
import { createCustomer } from "../../../lib/workflows/subscriptions/create-customer";
import { getCustomerOrThrow } from "../../../lib/domain/customers/customer-store";
import { withTransaction } from "../../../lib/kernel/db/transaction";
import { ingestEvents } from "../../../lib/workflows/events/ingest";
import { writeCandidates } from "../../../lib/workflows/events/process-batch";
import { resolveCustomers } from "../../../lib/workflows/events/resolve-customers";
import type { Candidate } from "../../../lib/workflows/events/types";
import { parseJsonText } from "../../../lib/kernel/json";
import { rateEvent, type RatedProduct } from "../../../lib/domain/pricing";
import { createPlatform } from "../../../lib/domain/platforms/create-platform";
import type { PlatformScope } from "../../../lib/kernel/scope";
import { listWalletAccounts } from "../../../lib/domain/wallet/get-wallet";
import { summarize, type Summary } from "../lib/stats";
import { BENCH_PRODUCT, benchEvent } from "./product";

export interface CeilingResult {
  name: string;
  grouped: boolean;
  eventsPerS: number;
  reqPerS: number;
  latency: Summary;
}

interface Fixture {
  scope: PlatformScope;
  customers: string[];
  product: RatedProduct;
}

export async function fixture(database: Database, count: number): Promise<Fixture> {
  const platform = await createPlatform(database.db, { name: "Ceiling" });
  const scope = { platformId: platform.id, liveMode: false };
  const created = await createProduct(database.db, scope, validate(createProductSchema, parseJsonText(JSON.stringify(BENCH_PRODUCT))));
  const customers: string[] = [];
  const subscriptions = [{ products: [{ code: BENCH_PRODUCT.code }] }];
  for (let i = 0; i < count; i++) customers.push((await createCustomer(database.db, scope, { name: `C${i}`, subscriptions })).id);
  const products = await loadRatedProducts(database.db, scope, [{ productId: created.id, version: 1 }]);
  return { scope, customers, product: products.get(`${created.id}:1`)! };
}

/** A pre-rated candidate: the ceiling replays the SQL of ingest without HTTP and without pricing. */
function candidate(f: Fixture, customerId: string, id: string, n: number): Candidate {
  const input = { ...benchEvent(id, n), occurred_at: undefined };
  return { request: 0, index: 0, customerId, input, occurredAt: new Date(), rating: rateEvent([f.product], { eventType: input.event_type, data: input.data }), costs: [], warnings: [] };
}

interface Plan {
  name: string;
  workers: number;
  eventsPerTx: number;
  customer: (n: number) => string;
  ids?: string[];
  /** Through ingestEvents (grouped into shared transactions as the endpoint does) instead of one transaction per request. */
  grouped?: boolean;
}

/** One request's work: its own transaction (raw) or ingestEvents, which groups concurrent requests. */
async function once(database: Database, f: Fixture, plan: Plan, customerId: string, batch: Candidate[]): Promise<void> {
  if (plan.grouped) {
    await ingestEvents(database.db, f.scope, { customer_id: customerId, events: batch.map((b) => b.input) });
    return;
  }
  await withTransaction(database.db, async (tx) => {
    await resolveCustomers(tx, f.scope, [{ customer: { id: customerId }, events: [], receivedAt: new Date() }]);
    await writeCandidates(tx, f.scope, batch, false);
  });
}

async function measure(database: Database, f: Fixture, plan: Plan, durationS: number): Promise<CeilingResult & { ids: string[] }> {
  const latencies: number[] = [];
  const ids: string[] = [];
  let events = 0;
  let k = 0;
  const deadline = performance.now() + durationS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const n = k++;
      const customerId = plan.customer(n);
      const batch = Array.from({ length: plan.eventsPerTx }, (_, i) => {
        const id = plan.ids ? plan.ids[(n * plan.eventsPerTx + i) % plan.ids.length]! : `ceil-${plan.name}-${plan.grouped ? "g" : "r"}-${n}-${i}`;
        return candidate(f, customerId, id, n + i);
      });
      const started = performance.now();
      await once(database, f, plan, customerId, batch);
      latencies.push(performance.now() - started);
      events += batch.length;
      if (!plan.ids) ids.push(...batch.map((b) => b.input.id));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: plan.workers }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { name: plan.name, grouped: plan.grouped === true, eventsPerS: events / seconds, reqPerS: latencies.length / seconds, latency: summarize(latencies), ids };
}

/** What GET /customers/:id/wallet asks the database (the customer, then its accounts), 32 at a time. */
async function measureReads(database: Database, f: Fixture, durationS: number): Promise<CeilingResult> {
  const latencies: number[] = [];
  let k = 0;
  const deadline = performance.now() + durationS * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const id = f.customers[(k++ * 7919) % f.customers.length]!;
      const started = performance.now();
      const customer = await getCustomerOrThrow(database.db, f.scope, id);
      await listWalletAccounts(database.db, { ...f.scope, customerId: customer.id });
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 32 }, worker));
  const rate = latencies.length / ((performance.now() - started) / 1000);
  return { name: "read", grouped: true, eventsPerS: rate, reqPerS: rate, latency: summarize(latencies) };
}

/**
 * The database ceiling of the ceiling ladder: ingest's SQL without HTTP, for single events, 100-event
 * batches, one hot wallet and replays; each once with one transaction per request (pre-rated: the raw
 * SQL) and once grouped the way the endpoint groups concurrent requests (ingestEvents, pricing included);
 * and the balance read's queries.
 */
export async function measureDbCeilings(database: Database, durationS: number): Promise<CeilingResult[]> {
  const f = await fixture(database, 1000);
  const random = (n: number) => f.customers[(n * 7919) % f.customers.length]!;
  const out: CeilingResult[] = [];
  for (const grouped of [false, true]) {
    const single = await measure(database, f, { name: "single", workers: 32, eventsPerTx: 1, customer: random, grouped }, durationS);
    const batch = await measure(database, f, { name: "batch", workers: 16, eventsPerTx: 100, customer: random, grouped }, durationS);
    const hot = await measure(database, f, { name: "hot", workers: 32, eventsPerTx: 1, customer: () => f.customers[0]!, grouped }, durationS);
    const replay = await measure(database, f, { name: "replay", workers: 32, eventsPerTx: 1, customer: random, ids: single.ids, grouped }, durationS);
    out.push(...[single, batch, hot, replay].map(({ ids: _ids, ...r }) => r));
  }
  out.push(await measureReads(database, f, durationS));
  return out;
}
