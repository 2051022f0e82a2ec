// npm run bench:ingest [-- --db pglite,postgres --duration 10 --port 3210]
// The ingest benchmark on the production build: database ceilings in-process, the HTTP ceiling, the real
// POST /api/v1/events (single events, batches, one hot wallet, replays) as shares of those ceilings, and a
// correctness gate. Postgres runs when BENCH_DATABASE_URL names a database it may wipe.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatReport, type RunReport } from "./report";
import { runDatabase, type Kind } from "./run-database";

const { values } = parseArgs({ options: { db: { type: "string" }, duration: { type: "string" }, port: { type: "string" } } });
const postgresUrl = process.env.BENCH_DATABASE_URL;
const kinds = (values.db ?? (postgresUrl ? "pglite,postgres" : "pglite")).split(",") as Kind[];
const options = {
  durationS: Number(values.duration ?? 10),
  port: Number(values.port ?? 3210),
  postgresUrl,
  log: (line: string) => void process.stdout.write(`${line}\n`),
};

const reports: RunReport[] = [];
for (const kind of kinds) reports.push(await runDatabase(kind, options));
const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, load: os.loadavg() };
const dir = path.resolve(".data", "bench");
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `ingest-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
writeFileSync(file, `${JSON.stringify({ machine, durationS: options.durationS, reports }, null, 2)}\n`);
options.log("");
options.log(`Machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GB, Node ${machine.node}; load generator on the same cores.`);
for (const report of reports) options.log(formatReport(report));
options.log(`Results: ${path.relative(process.cwd(), file)}`);
if (reports.some((r) => r.gate.some((g) => !g.ok))) {
  options.log("A correctness gate FAILED: these figures do not count.");
  process.exitCode = 1;
}
