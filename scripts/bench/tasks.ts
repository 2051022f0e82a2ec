// npm run bench:tasks — GET /tasks and GET /tasks/{id} on a customer with about a million events, beside the
// transactions page on the same data in the same run, on PGlite and Postgres (BENCH_DB=pglite|postgres for one).
// Endpoints are timed through their route handlers in-process (no HTTP transport or Next.js server), SQL
// through the lib functions the portal calls. Prints a table and writes bench-results/tasks.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { createAsset } from "../../lib/assets/create-asset";
import { createCustomer } from "../../lib/customers/create-customer";
import { openDatabase } from "../../lib/db/open";
import type { Db } from "../../lib/db";
import { rowsOf } from "../../lib/db/rows";
import { dec } from "../../lib/money";
import { createPlatform } from "../../lib/platforms/create-platform";
import { sessionCookieName } from "../../lib/portal/cookie";
import { mintPortalLink } from "../../lib/portal/create-session-link";
import { exchangeToken } from "../../lib/portal/exchange-token";
import type { CustomerScope } from "../../lib/scope";
import { callApi, useDatabase as serveRoutesFrom } from "../../lib/testing/api-client";
import { getTaskOrThrow } from "../../lib/tasks/get-task";
import { listTasks } from "../../lib/tasks/list-tasks";
import { listTasksQuerySchema } from "../../lib/tasks/schemas";
import { createVendor } from "../../lib/vendors/vendor-store";
import { encodeCursor, transactionFiltersSchema } from "../../lib/wallet/transactions/filters";
import { listTransactions } from "../../lib/wallet/transactions/list-transactions";
import { benchTargets, dropBenchDatabase, type BenchTarget } from "./lib/databases";
import { finishSeed, seedLedger } from "./lib/seed-ledger";
import { seedUsage } from "./lib/seed-usage";
import { ms, summarize, timeRuns, type Summary } from "./lib/stats";

// About 94.6 % of the ledger's transfers are usage fees, each stored as an event: 1,060,000 gives ~1,000,000 events.
const ROWS = Number(process.env.BENCH_ROWS ?? 1_060_000);
const EVENTS_PER_TASK = Number(process.env.BENCH_EVENTS_PER_TASK ?? 8);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
process.env.BILLFOLD_SECRET ??= "bench-secret-0123456789abcdef0123456789abcdef";

/** Vendor costs on two of every three events, and the task rollups and counts ingest would have kept. */
async function seedTaskData(db: Db, scope: CustomerScope): Promise<void> {
  const vendors = [await createVendor(db, scope, { name: "Model API", external_id: "model" }), await createVendor(db, scope, { name: "GPU cloud", external_id: "gpu" })];
  await db.execute(sql`
    INSERT INTO event_costs (platform_id, live_mode, event_pk, customer_id, vendor_id, amount, currency, occurred_at)
    SELECT platform_id, live_mode, pk, customer_id, CASE WHEN pk % 2 = 0 THEN ${vendors[0]!.id} ELSE ${vendors[1]!.id} END, 0.0004, 'USD', occurred_at
    FROM events WHERE customer_id = ${scope.customerId} AND pk % 3 <> 0`);
  await db.execute(sql`
    INSERT INTO task_rollups (platform_id, live_mode, customer_id, subject, event_count, first_occurred_at, last_occurred_at)
    SELECT platform_id, live_mode, customer_id, subject, count(*), min(occurred_at), max(occurred_at)
    FROM events WHERE customer_id = ${scope.customerId} GROUP BY platform_id, live_mode, customer_id, subject`);
  await db.execute(sql`
    INSERT INTO task_counts (platform_id, live_mode, customer_id, tasks)
    SELECT platform_id, live_mode, customer_id, count(*) FROM task_rollups WHERE customer_id = ${scope.customerId} GROUP BY 1, 2, 3`);
  // What autovacuum does on a running system after a load this size: statistics, and a visibility map for index-only scans.
  await db.execute(sql`VACUUM ANALYZE`);
}

/** A Cookie header for a portal session of the customer, signed in through a real link. */
async function portalCookie(db: Db, scope: CustomerScope): Promise<string> {
  const link = await mintPortalLink(db, scope, { customerId: scope.customerId, returnUrl: "https://app.example.com/r", failureUrl: "https://app.example.com/f" });
  const result = await exchangeToken(db, new URL(link.redirectUrl).searchParams.get("token")!);
  if (result.kind !== "session") throw new Error(`sign-in failed: ${result.kind}`);
  return `${sessionCookieName()}=${result.sessionId}`;
}

async function timedCall(path: string, options: Parameters<typeof callApi>[2]): Promise<number[]> {
  const res = await callApi("GET", path, options);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text.slice(0, 200)}`);
  return timeRuns(() => callApi("GET", path, options), RUNS);
}

async function run(target: BenchTarget): Promise<Record<string, Summary | number>> {
  process.stdout.write(`\n== ${target.name}\n`);
  const database = await openDatabase(target.open);
  serveRoutesFrom(database);
  const db = database.db;
  const platform = await createPlatform(db, { name: "Bench" });
  const scope = { platformId: platform.id, liveMode: false };
  await createAsset(db, scope, { code: "CREDIT", name: "Credits", precision: 0, rates: [{ source: "USD", rate: dec("0.05") }] });
  const customer = await createCustomer(db, scope, { name: "Heavy user" });
  const cscope = { ...scope, customerId: customer.id };
  const started = performance.now();
  await seedLedger(db, cscope, ROWS);
  await seedUsage(db, cscope, EVENTS_PER_TASK);
  await finishSeed(db);
  await seedTaskData(db, cscope);
  const count = async (q: ReturnType<typeof sql>) => Number(rowsOf<{ n: string | number }>(await db.execute(q))[0]!.n);
  const events = await count(sql`SELECT count(*) AS n FROM events WHERE customer_id = ${customer.id}`);
  const tasks = await count(sql`SELECT count(*) AS n FROM task_rollups WHERE customer_id = ${customer.id}`);
  const seedSeconds = (performance.now() - started) / 1000;
  process.stdout.write(`  seeded ${events.toLocaleString()} events in ${tasks.toLocaleString()} tasks (${ROWS.toLocaleString()} transactions) in ${seedSeconds.toFixed(0)} s\n`);

  const subjects = rowsOf<{ subject: string }>(
    await db.execute(sql`SELECT subject FROM task_rollups WHERE customer_id = ${customer.id} ORDER BY first_occurred_at DESC OFFSET ${Math.floor(tasks / 2)} LIMIT 1`),
  );
  const taskPath = (subject: string) => `/api/v1/tasks/${encodeURIComponent(`${customer.id}:${subject}`)}`;
  const newest = `task_${Math.floor(ROWS / EVENTS_PER_TASK) - 1}`;
  const key = { key: platform.testKey };
  const month = new Date(Date.now() - 180 * 86_400_000);
  const monthQuery = `from=${new Date(month.getFullYear(), month.getMonth(), 1).toISOString()}&to=${new Date(month.getFullYear(), month.getMonth() + 1, 1).toISOString()}`;
  const out: Record<string, Summary | number> = { events, tasks, seedSeconds };
  const measure = async (label: string, samples: Promise<number[]>) => {
    out[label] = summarize(await samples);
    const s = out[label] as Summary;
    process.stdout.write(`  ${label.padEnd(56)} p50 ${ms(s.p50).padStart(9)}  p95 ${ms(s.p95).padStart(9)}  p99 ${ms(s.p99).padStart(9)}\n`);
  };
  const listQuery = listTasksQuerySchema.parse({ customer_id: customer.id });
  await measure("tasks list SQL (listTasks, first page)", timeRuns(() => listTasks(db, scope, listQuery), RUNS));
  await measure("task SQL (getTaskOrThrow, middle)", timeRuns(() => getTaskOrThrow(db, scope, `${customer.id}:${subjects[0]!.subject}`, { limit: 20, offset: 0 }), RUNS));
  await measure("GET /tasks?customer_id (first page)", timedCall(`/api/v1/tasks?customer_id=${customer.id}`, key));
  await measure("GET /tasks?customer_id&offset=10000", timedCall(`/api/v1/tasks?customer_id=${customer.id}&offset=10000`, key));
  await measure("GET /tasks?customer_id&from&to (one month)", timedCall(`/api/v1/tasks?customer_id=${customer.id}&${monthQuery}`, key));
  await measure("GET /tasks/{id} (newest task)", timedCall(taskPath(newest), key));
  await measure("GET /tasks/{id} (middle of the history)", timedCall(taskPath(subjects[0]!.subject), key));

  const cookie = await portalCookie(db, cscope);
  const portal = { headers: { cookie, origin: "http://portal.test", "sec-fetch-site": "same-origin" } };
  const [middle] = rowsOf<{ id: string; created_at: string | Date }>(
    await db.execute(sql`SELECT id, created_at FROM ledger_entries WHERE customer_id = ${customer.id} ORDER BY created_at DESC, id DESC OFFSET ${Math.floor(ROWS / 2)} LIMIT 1`),
  );
  const cursor = encodeCursor({ createdAt: new Date(middle!.created_at), id: Number(middle!.id) });
  await measure("GET /customers/{id} (API floor: key, limiter, one row)", timedCall(`/api/v1/customers/${customer.id}`, key));
  await measure("GET /customers/{id}/wallet/default:USD/transactions", timedCall(`/api/v1/customers/${customer.id}/wallet/default:USD/transactions`, key));
  await measure("transactions page SQL (top)", timeRuns(() => listTransactions(db, cscope, transactionFiltersSchema.parse({ limit: 25 }), "UTC"), RUNS));
  await measure("transactions page SQL (middle)", timeRuns(() => listTransactions(db, cscope, transactionFiltersSchema.parse({ limit: 25, cursor }), "UTC"), RUNS));
  await measure("GET /api/portal/transactions (top)", timedCall("/api/portal/transactions", portal));
  await measure("GET /api/portal/transactions (middle)", timedCall(`/api/portal/transactions?cursor=${encodeURIComponent(cursor)}`, portal));
  await database.close();
  if (target.name === "Postgres" && !process.env.BENCH_KEEP) await dropBenchDatabase("tasks");
  return out;
}

const results: Record<string, unknown> = { at: new Date().toISOString(), rows: ROWS, eventsPerTask: EVENTS_PER_TASK, runs: RUNS };
for (const target of await benchTargets("tasks")) results[target.name] = await run(target);
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/tasks.json", `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write("\nwrote bench-results/tasks.json\n");
