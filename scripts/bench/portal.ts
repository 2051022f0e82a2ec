// npm run bench:portal — the portal's performance budgets on a production build, PGlite and Postgres,
// with one customer holding 1,000,000 transactions (BENCH_ROWS to change). Prints a table and writes
// bench-results/portal.json. Every figure sits next to a ceiling measured in the same run.
import { mkdirSync, writeFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../lib/kernel/db/open";
import { freePort } from "../free-port.mjs";
import { rowsOf } from "../../lib/kernel/db/rows";
import { createCustomer } from "../../lib/workflows/subscriptions/create-customer";
import { createAsset } from "../../lib/domain/assets/create-asset";
import { dec } from "../../lib/kernel/money";
import { createPlatform } from "../../lib/domain/platforms/create-platform";
import { encodeCursor, transactionFiltersSchema } from "../../lib/workflows/wallet/transactions/filters";
import { listTransactions } from "../../lib/workflows/wallet/transactions/list-transactions";
import { launchBrowser, measurePage } from "./lib/browser";
import { benchTargets, type BenchTarget } from "./lib/databases";
import { browseAsUsers } from "./lib/browse";
import { load } from "./lib/load";
import { finishSeed, seedLedger } from "./lib/seed-ledger";
import { seedUsage } from "./lib/seed-usage";
import { querySpendSums } from "../../lib/workflows/wallet/spend/spend-summary";
import { querySpendSeries } from "../../lib/workflows/wallet/spend/spend-series";
import { usageFiltersSchema } from "../../lib/workflows/wallet/usage/filters";
import { listUsage } from "../../lib/workflows/wallet/usage/list-usage";
import { startServer } from "./lib/server";
import { portalCookies } from "./lib/sessions";
import { ms, summarize, timeRuns } from "./lib/stats";

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const PORT = Number(process.env.BENCH_PORT ?? (await freePort()));
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
const PAGES = ["/", "/usage", "/spend", "/transactions"];
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

interface Prepared {
  apiKey: string;
  customerId: string;
  cursors: Record<string, string | undefined>;
  usageCursors: Record<string, string | undefined>;
  sql: Record<string, ReturnType<typeof summarize>>;
}

const QUERIES: Record<string, Record<string, string>> = {
  "first page": {},
  "first page, USD usage": { asset: "USD", category: "usage" },
  "one month": { month: "" },
  "top-ups only": { category: "top_ups" },
};

async function prepare(target: BenchTarget): Promise<Prepared> {
  const database = await openDatabase(target.open);
  const db = database.db;
  const platform = await createPlatform(db, { name: "Bench" });
  const scope = { platformId: platform.id, liveMode: false };
  await createAsset(db, scope, { code: "CREDIT", name: "Credits", precision: 0, rates: [{ source: "USD", rate: dec("0.05") }] });
  const customer = await createCustomer(db, scope, { name: "Heavy user" });
  const cscope = { ...scope, customerId: customer.id };
  const started = performance.now();
  await seedLedger(db, cscope, ROWS);
  await seedUsage(db, cscope);
  await finishSeed(db);
  process.stdout.write(`  ${target.name}: seeded ${ROWS.toLocaleString()} transactions and their usage in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  const depth = async (offset: number) => {
    const [row] = rowsOf<{ id: string; created_at: string | Date }>(
      await db.execute(sql`SELECT id, created_at FROM ledger_entries WHERE customer_id = ${customer.id} ORDER BY created_at DESC, id DESC OFFSET ${offset} LIMIT 1`),
    );
    return row ? encodeCursor({ createdAt: new Date(row.created_at), id: Number(row.id) }) : undefined;
  };
  const cursors = { middle: await depth(Math.floor(ROWS / 2)), last: await depth(ROWS - 30) };
  const month = new Date(Date.now() - 180 * 86_400_000).toISOString().slice(0, 7);
  const timings: Prepared["sql"] = {};
  for (const [label, filters] of Object.entries(QUERIES)) {
    for (const [at, cursor] of Object.entries({ top: undefined, ...cursors })) {
      const f = transactionFiltersSchema.parse({ ...filters, month: filters.month === "" ? month : filters.month, cursor, limit: 25 });
      timings[`${label} @ ${at}`] = summarize(await timeRuns(() => listTransactions(db, cscope, f, "Europe/Berlin"), 30));
    }
  }
  const usageDepth = async (offset: number) => {
    const [row] = rowsOf<{ pk: string; occurred_at: string | Date }>(
      await db.execute(sql`SELECT pk, occurred_at FROM events WHERE customer_id = ${customer.id} ORDER BY occurred_at DESC, pk DESC OFFSET ${offset} LIMIT 1`),
    );
    return row ? encodeCursor({ createdAt: new Date(row.occurred_at), id: Number(row.pk) }) : undefined;
  };
  const usageCursors = { top: undefined, middle: await usageDepth(Math.floor(ROWS / 2)), last: await usageDepth(Math.floor(ROWS * 0.9)) };
  for (const [at, cursor] of Object.entries(usageCursors)) {
    timings[`usage @ ${at}`] = summarize(await timeRuns(() => listUsage(db, cscope, usageFiltersSchema.parse({ cursor }), "Europe/Berlin"), 30));
  }
  timings["spend 90 days by day (USD)"] = summarize(await timeRuns(() => querySpendSeries(db, cscope, "USD", "90d", "day", "Europe/Berlin"), 30));
  timings["spend 12 months by month (USD)"] = summarize(await timeRuns(() => querySpendSeries(db, cscope, "USD", "12m", "month", "Europe/Berlin"), 10));
  timings["spent this month + last 7 days"] = summarize(await timeRuns(() => querySpendSums(db, cscope, ["USD", "CREDIT"], "Europe/Berlin"), 30));
  await database.close();
  return { apiKey: platform.testKey, customerId: customer.id, cursors: { top: undefined, ...cursors }, usageCursors, sql: timings };
}

/** The transactions API (USD usage filter) and the usage API at the top, middle and end of the history. */
function portalApiPaths(prepared: Prepared): Record<string, string> {
  const paths: Record<string, string> = {};
  for (const [at, cursor] of Object.entries(prepared.cursors)) {
    paths[`transactions, USD usage @ ${at}`] = `/api/portal/transactions?${new URLSearchParams({ asset: "USD", category: "usage", ...(cursor ? { cursor } : {}) })}`;
  }
  for (const [at, cursor] of Object.entries(prepared.usageCursors)) {
    paths[`usage @ ${at}`] = `/api/portal/usage?${new URLSearchParams(cursor ? { cursor } : {})}`;
  }
  return paths;
}

async function run(target: BenchTarget) {
  process.stdout.write(`\n== ${target.name}\n`);
  const prepared = await prepare(target);
  const server = await startServer(PORT, { ...target.serverEnv, PORTAL_URL: `http://127.0.0.1:${PORT}`, BILLFOLD_SECRET: SECRET, RATE_LIMIT_SIGNIN_PER_MINUTE: "100000" });
  try {
    const cookies = await portalCookies(server.url, prepared.apiKey, prepared.customerId, 20);
    const perConnection = (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
      ctx.cookie ??= cookies[Math.floor(Math.random() * cookies.length)];
      return { ...req, headers: { ...(req.headers as object), cookie: ctx.cookie } };
    };
    let rss = server.rssMb();
    const sample = setInterval(() => (rss = Math.max(rss, server.rssMb())), 500);
    const ceiling = await load({ url: `${server.url}/api/ping`, connections: 20, durationSeconds: SECONDS });
    const apiPaths = portalApiPaths(prepared);
    // Users first, on a warmed server: each measurement starts from a steady state, not from the
    // aftermath of the closed-loop runs below, which hold the server far past its capacity.
    await browseAsUsers({ baseUrl: server.url, cookies, paths: [...PAGES, ...Object.values(apiPaths)], durationSeconds: 5, thinkMs: THINK_MS });
    const browsing = await browseAsUsers({ baseUrl: server.url, cookies, paths: PAGES, durationSeconds: SECONDS * 2, thinkMs: THINK_MS });
    const apiBrowsing = await browseAsUsers({ baseUrl: server.url, cookies, paths: Object.values(apiPaths), durationSeconds: SECONDS * 2, thinkMs: THINK_MS });
    const pages: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const path of PAGES) {
      pages[path] = await load({ url: `${server.url}${path}`, connections: 20, durationSeconds: SECONDS, setupRequest: perConnection });
    }
    const api: Record<string, Awaited<ReturnType<typeof load>>> = {};
    for (const [label, path] of Object.entries(apiPaths)) {
      api[label] = await load({ url: `${server.url}${path}`, connections: 10, durationSeconds: Math.ceil(SECONDS / 2), setupRequest: perConnection });
    }
    clearInterval(sample);
    const browser = await launchBrowser();
    const browserMetrics = {
      overview: await measurePage(browser, server.url, cookies[0]!, "/"),
      transactions: await measurePage(browser, server.url, cookies[0]!, "/transactions"),
      usage: await measurePage(browser, server.url, cookies[0]!, "/usage"),
      spend: await measurePage(browser, server.url, cookies[0]!, "/spend"),
    };
    await browser.close();
    return { target: target.name, sql: prepared.sql, ceiling, pages, browsing, apiPaths, apiBrowsing, api, browser: browserMetrics, rssMb: rss };
  } finally {
    await server.stop();
  }
}

function report(results: Awaited<ReturnType<typeof run>>[]): void {
  for (const r of results) {
    process.stdout.write(`\n### ${r.target} (${ROWS.toLocaleString()} transactions for one customer)\n`);
    process.stdout.write(`HTTP ceiling (/api/ping, 20 conn): ${r.ceiling.rps.toFixed(0)} req/s, p95 ${ms(r.ceiling.latency.p95)}\n`);
    for (const [k, v] of Object.entries(r.sql)) process.stdout.write(`SQL  ${k.padEnd(34)} p50 ${ms(v.p50)}  p95 ${ms(v.p95)}\n`);
    const ab = r.apiBrowsing;
    process.stdout.write(`API  20 users, think ${THINK_MS} ms: ${ab.rps.toFixed(0)} req/s, p95 ${ms(ab.latency.p95)}, errors ${ab.errors + ab.non2xx}\n`);
    for (const [k, path] of Object.entries(r.apiPaths)) {
      const v = ab.byPath[path]!;
      process.stdout.write(`  ${k.padEnd(34)} p50 ${ms(v.p50)} p95 ${ms(v.p95)} (${v.n} requests); closed loop of 10: p95 ${ms(r.api[k]!.latency.p95)} at ${r.api[k]!.rps.toFixed(0)} req/s\n`);
    }
    for (const [k, v] of Object.entries(r.pages)) {
      process.stdout.write(`Page ${k.padEnd(14)} closed loop, 20 connections: TTFB p95 ${ms(v.latency.p95)} (capacity ${v.rps.toFixed(0)} req/s = ${(v.rps / r.ceiling.rps).toFixed(2)}× of ceiling, errors ${v.errors + v.non2xx})\n`);
    }
    const b = r.browsing;
    process.stdout.write(`Browse 20 users, think ${THINK_MS} ms: ${b.rps.toFixed(0)} req/s, TTFB p50 ${ms(b.latency.p50)} p95 ${ms(b.latency.p95)} p99 ${ms(b.latency.p99)}, last byte p95 ${ms(b.complete.p95)}, errors ${b.errors + b.non2xx}\n`);
    for (const [k, v] of Object.entries(b.byPath)) process.stdout.write(`  ${k.padEnd(14)} TTFB p50 ${ms(v.p50)} p95 ${ms(v.p95)} (${v.n} pages)\n`);
    for (const [k, v] of Object.entries(r.browser)) process.stdout.write(`JS   ${k.padEnd(14)} ${v.scriptKb.toFixed(1)} kB compressed, LCP ${ms(v.lcpMs)}, CLS ${v.cls.toFixed(3)}\n`);
    process.stdout.write(`Server RSS peak: ${r.rssMb.toFixed(0)} MB\n`);
  }
}

const results = [];
for (const target of await benchTargets("portal")) results.push(await run(target));
report(results);
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/portal.json", JSON.stringify({ rows: ROWS, at: new Date().toISOString(), results }, null, 2));
