// npm run test:nightly — the long trust suites, one after another, with the figures each prints and
// its wall time. Budget (docs/trust.md): about 3¼ hours on a 2-core machine, webhook chaos the longest
// (about an hour). Runs on Postgres too when TEST_DATABASE_URL is set (the Vitest suites); crash and load
// bring up throwaway clusters of their own.
// NIGHTLY_ONLY=faults,crash (comma-separated names) runs a subset.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const vitest = (...files) => ["node_modules/.bin/vitest", "run", ...files];
const tsx = (file) => ["node_modules/.bin/tsx", file];

// A Vitest suite that covers both databases runs as one process per database, side by side (in one
// file they would run one after the other). The PGlite process is kept from migrating a Postgres database
// it would not use.
const perDatabase = (file) => [
  { cmd: vitest(file), env: { TEST_DATABASE_URL: "", TEST_DATABASE_ONLY: "pglite" } },
  ...(process.env.TEST_DATABASE_URL ? [{ cmd: vitest(file), env: { TEST_DATABASE_ONLY: "postgres" } }] : []),
];

const SUITES = [
  { name: "model", what: "ledger model test, 20,000 runs per database", processes: perDatabase("test/trust/ledger-model.test.ts"), env: { MODEL_RUNS: "20000" } },
  { name: "interleavings", what: "scheduler interleavings of one customer's money paths, 5,000 per database", processes: perDatabase("test/trust/interleavings.test.ts"), env: { INTERLEAVING_RUNS: "5000" } },
  { name: "fuzz", what: "schema-driven input fuzzing, 200 random probes per route and database", processes: perDatabase("test/trust/schema-fuzz.test.ts"), env: { FUZZ_RUNS: "200" } },
  { name: "chaos", what: "webhook delivery chaos, 10,000 schedules on Postgres, 2,000 on PGlite", cmd: vitest("lib/domain/payments/inbound-webhooks/delivery-chaos.postgres.test.ts", "lib/domain/payments/inbound-webhooks/delivery-chaos.pglite.test.ts"), env: { CHAOS_SCHEDULES_POSTGRES: "10000", CHAOS_SCHEDULES_PGLITE: "2000" } },
  { name: "faults", what: "seeded fault runs, 1,000 per database", processes: perDatabase("test/trust/fault-runs.test.ts"), env: { FAULT_RUNS: "1000" } },
  { name: "crash", what: "kill -9 × 100 per database, Postgres crash-restarts × 10", cmd: tsx("scripts/trust/crash.ts"), env: { CRASH_KILLS: "100", PG_RESTARTS: "10" } },
  { name: "load", what: "load scenarios, 2 minutes each, PGlite and Postgres", cmd: tsx("scripts/trust/load.ts"), env: { LOAD_SECONDS: "120" } },
];

const only = process.env.NIGHTLY_ONLY?.split(",");
if (!process.env.TEST_DATABASE_URL) process.stdout.write("TEST_DATABASE_URL is not set: the Vitest suites run on PGlite only.\n");
const build = spawnSync(process.execPath, ["scripts/ensure-build.mjs"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

/** Runs the processes side by side; resolves true when every one exits 0. */
function runAll(processes, env) {
  const exits = processes.map(
    ({ cmd, env: own }) =>
      new Promise((resolve) => {
        const child = spawn(cmd[0], cmd.slice(1), { stdio: "inherit", env: { ...process.env, ...env, ...own } });
        child.on("exit", (code) => resolve(code === 0));
        child.on("error", () => resolve(false));
      }),
  );
  return Promise.all(exits).then((oks) => oks.every(Boolean));
}

const results = [];
for (const suite of SUITES.filter((s) => !only || only.includes(s.name))) {
  const processes = suite.processes ?? [{ cmd: suite.cmd, env: {} }];
  const file = processes[0].cmd[processes[0].cmd.length - 1];
  if (!existsSync(file)) {
    results.push({ ...suite, ok: false, minutes: 0, note: `${file} is missing` });
    continue;
  }
  process.stdout.write(`\n=== ${suite.name}: ${suite.what}\n`);
  const started = Date.now();
  const ok = await runAll(processes, suite.env);
  results.push({ ...suite, ok, minutes: (Date.now() - started) / 60_000, note: "" });
}

process.stdout.write("\n| suite | what | result | minutes |\n|---|---|---|---:|\n");
for (const r of results) process.stdout.write(`| ${r.name} | ${r.what} | ${r.ok ? "pass" : `FAIL ${r.note}`} | ${r.minutes.toFixed(1)} |\n`);
const total = results.reduce((s, r) => s + r.minutes, 0);
process.stdout.write(`Total: ${total.toFixed(1)} minutes.\n`);
if (results.some((r) => !r.ok)) process.exitCode = 1;
