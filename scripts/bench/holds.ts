// npm run bench:holds — holds reserved and settled (POST …/holds, then the usage event with hold_id), on PGlite and
// Postgres (BENCH_DB to pick one; BENCH_SECONDS per measurement, default 5; BENCH_CLIENTS, default 32). Beside each
// figure, the same run's ceilings: the database ceiling (the SQL a pair needs, without HTTP, auth or pricing) and the
// same clients sending plain usage events. Route handlers are called in-process (no HTTP transport). A correctness
// gate follows; prints markdown and writes bench-results/holds.json.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { openDatabase } from "../../lib/kernel/db/open";
import { useDatabase as serveRoutesFrom } from "../../test/support/api-client";
import { benchTargets, dropBenchDatabase, type BenchTarget } from "./lib/databases";
import { holdPair, holdsGate, plainEvent, seedHoldsWorld, sqlPair, walletAccountId } from "./holds/world";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
process.env.BILLFOLD_SECRET ??= "bench-secret-0123456789abcdef0123456789abcdef";
process.env.LOG_LEVEL ??= "warn";

/** `clients` loops calling `step(client)` until the time is up; completed steps per second. */
async function rate(step: (client: number) => Promise<void>, clients = CLIENTS): Promise<number> {
  const until = performance.now() + SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < until) {
        await step(c);
        done++;
      }
    }),
  );
  return done / SECONDS;
}

async function run(target: BenchTarget) {
  process.stdout.write(`\n== ${target.name}: ${CLIENTS} clients, ${SECONDS} s each\n`);
  const database = await openDatabase(target.open);
  serveRoutesFrom(database);
  const db = database.db;
  const w = await seedHoldsWorld(db, CLIENTS);
  const accounts = await Promise.all(w.customers.map((c) => walletAccountId(db, c)));
  const hotAccount = await walletAccountId(db, w.hot);
  const figures = {
    ceilingPairs: await rate((c) => sqlPair(db, accounts[c]!)),
    ceilingHotPairs: await rate(() => sqlPair(db, hotAccount)),
    plainEvents: await rate((c) => plainEvent(w, w.customers[c]!)),
    pairs: await rate((c) => holdPair(w, w.customers[c]!)),
    hotPairs: await rate(() => holdPair(w, w.hot)),
  };
  const gate = await holdsGate(db, w);
  await database.close();
  if (target.name === "Postgres" && !process.env.BENCH_KEEP) await dropBenchDatabase("holds");
  const line = (label: string, value: number, ceiling: number) =>
    `| ${label} | ${value.toFixed(0)}/s | ${ceiling.toFixed(0)}/s | ${((100 * value) / ceiling).toFixed(0)} % |`;
  process.stdout.write(
    [
      "| what | measured | same-run ceiling | share |",
      "|---|---|---|---|",
      line("reserve + settle pairs, distinct wallets", figures.pairs, figures.ceilingPairs),
      line("reserve + settle pairs, one hot wallet with a hard-stopped budget", figures.hotPairs, figures.ceilingHotPairs),
      line("plain usage events (1 per request), distinct wallets", figures.plainEvents, figures.ceilingPairs * 2),
      `| pairs vs plain events (each pair is two requests) | ${((200 * figures.pairs) / figures.plainEvents).toFixed(0)} % of plain request throughput | | |`,
      gate.length === 0 ? "Gate: ledger sound, no hold left active, every hold settled at its event's fee." : `Gate FAILED: ${gate.join("; ")}`,
      "",
    ].join("\n"),
  );
  return { ...figures, gate };
}

const results: Record<string, unknown> = { at: new Date().toISOString(), seconds: SECONDS, clients: CLIENTS };
results.machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadAverage: os.loadavg() };
for (const target of await benchTargets("holds")) results[target.name] = await run(target);
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/holds.json", `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}; everything shares these cores.\nwrote bench-results/holds.json\n`);
if (Object.values(results).some((r) => (r as { gate?: string[] })?.gate?.length)) process.exitCode = 1;
