// npm run bench:ingest — the ingest benchmark on a production build, PGlite and Postgres (BENCH_DB to pick
// one; BENCH_SECONDS per measurement, default 10; BENCH_PORT, a free port by default). Database ceilings in-process,
// the HTTP ceiling, the real POST /api/v1/events (single events over 1,000 customers, 100-event batches,
// one hot wallet, replays) as shares of those ceilings, then a correctness gate. Prints markdown and
// writes bench-results/ingest.json.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { freePort } from "../free-port.mjs";
import { formatReport, type RunReport } from "./ingest/report";
import { runTarget } from "./ingest/run";

const only = process.env.BENCH_DB;
const kinds = (only ? [only] : ["pglite", "postgres"]) as ("pglite" | "postgres")[];
const options = {
  durationS: Number(process.env.BENCH_SECONDS ?? 10),
  port: Number(process.env.BENCH_PORT ?? (await freePort())),
  log: (line: string) => void process.stdout.write(`${line}\n`),
};

const reports: RunReport[] = [];
for (const kind of kinds) reports.push(await runTarget(kind, options));
const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
mkdirSync("bench-results", { recursive: true });
writeFileSync("bench-results/ingest.json", `${JSON.stringify({ at: new Date().toISOString(), machine, durationS: options.durationS, reports }, null, 2)}\n`);
options.log("");
options.log(`Machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GB, Node ${machine.node}; server, database and load generator share these cores.`);
for (const report of reports) options.log(formatReport(report));
options.log("Results: bench-results/ingest.json");
if (reports.some((r) => r.gate.some((g) => !g.ok))) {
  options.log("A correctness gate FAILED: these figures do not count.");
  process.exitCode = 1;
}
