// npm run test:crash — crash tests on the production build (T8). Event ingest from retrying clients
// with known ids while (1) the server is killed with SIGKILL on PGlite (the embedded database dies
// with it), (2) the same on Postgres, (3) Postgres itself is crash-restarted (`pg_ctl restart -m
// immediate`) under the running server, which must recover on its own. Then every request is sent
// again and the ingest correctness gate runs: every event stored once, billed once for exactly its
// fees, wallets = fees, ledger invariants, spend rollups without drift. Knobs: CRASH_KILLS (default
// 3 per database), PG_RESTARTS (default 2), CRASH_DB=pglite|postgres, CRASH_PORT and CRASH_PG_PORT
// (the server's port and a throwaway Postgres cluster of our own, never the shared server; free ports by default).
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { openDatabase } from "../../lib/kernel/db/open";
import { freePort } from "../free-port.mjs";
import { correctnessGate, type GateCheck } from "../bench/ingest/gate";
import { setupViaHttp } from "../bench/ingest/setup";
import { startServer, type BenchServer } from "../bench/lib/server";
import { hasPostgresBinaries, startOwnCluster, type OwnCluster } from "./lib/cluster";
import { EVENTS_PER_REQUEST, resendAll, startIngestLoad, untilProgress } from "./lib/ingest-load";
import { kill9 } from "./lib/kill";

const KILLS = Number(process.env.CRASH_KILLS ?? 3);
const RESTARTS = Number(process.env.PG_RESTARTS ?? 2);
const PORT = Number(process.env.CRASH_PORT ?? (await freePort()));
const PG_PORT = Number(process.env.CRASH_PG_PORT ?? (await freePort()));
const only = process.env.CRASH_DB;
const CLIENTS = 16;
const out = (line: string) => void process.stdout.write(`${line}\n`);

interface Target {
  name: string;
  open: { url?: string; dataDir?: string };
  serverEnv: Record<string, string>;
}

interface Outcome {
  scenario: string;
  crashes: number;
  events: number;
  ackedUnderLoad: number;
  requests: number;
  failedTries: number;
  gate: GateCheck[];
}

/** 0.5–3 s of load before each crash: a random moment, with a fresh crop of requests in flight. */
const randomMoment = () => delay(500 + Math.floor(Math.random() * 2500));

type Crash = (server: BenchServer, restart: () => Promise<BenchServer>) => Promise<BenchServer>;

async function scenario(name: string, target: Target, crashes: number, crash: Crash, serverMustSurvive = false): Promise<Outcome> {
  const prepared = await openDatabase(target.open);
  await prepared.close();
  const adminToken = randomBytes(32).toString("base64url");
  // Every crash makes the server log a burst of failed requests, by design: the gate is the judge here.
  const env = { ...target.serverEnv, LOG_LEVEL: "silent", BILLFOLD_ADMIN_TOKEN: adminToken, BILLFOLD_SECRET: randomBytes(32).toString("base64url"), PORTAL_URL: `http://127.0.0.1:${PORT}` };
  const start = () => startServer(PORT, env);
  let server = await start();
  const firstPid = server.pid;
  out(`[${name}] 50 customers through the API, then ${CLIENTS} retrying clients and ${crashes} crashes…`);
  const fixture = await setupViaHttp(server.url, adminToken, 50);
  const load = startIngestLoad(server.url, fixture, CLIENTS, name.replace(/\W+/g, "-"));
  for (let i = 0; i < crashes; i++) {
    // Each crash lands on a server that is taking load, not on one still opening its database.
    await untilProgress(load);
    await randomMoment();
    server = await crash(server, start);
  }
  await randomMoment();
  await load.stop();
  const resent = await resendAll(server.url, fixture, load);
  const survived = server.pid === firstPid && (await fetch(`${server.url}/api/health`).then((r) => r.ok).catch(() => false));
  await server.stop();
  const database = await openDatabase(target.open);
  const ids = load.batches.flatMap((b) => b.ids);
  const gate = await correctnessGate(database, fixture.platformId, ids, 0);
  await database.close();
  gate.push({ name: "re-sent requests billed nothing new", ok: resent.replayBilled === 0, detail: `${resent.replayBilled} events billed again` });
  if (serverMustSurvive) gate.push({ name: "the server recovered without a restart of its own", ok: survived, detail: survived ? "same process, healthy" : "server lost" });
  return { scenario: name, crashes, events: ids.length, ackedUnderLoad: load.acked * EVENTS_PER_REQUEST, requests: load.requests, failedTries: load.failedTries, gate };
}

const killAndRestart: Crash = async (server, restart) => {
  await kill9(server.pid);
  return restart();
};

function pgliteTarget(): Target & { cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "billfold-crash-"));
  return { name: "PGlite", open: { dataDir: path.join(dir, "pglite") }, serverEnv: { BILLFOLD_DATA_DIR: dir }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function main(): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  if (!only || only === "pglite") {
    const target = pgliteTarget();
    try {
      outcomes.push(await scenario("kill -9 of the server, PGlite", target, KILLS, killAndRestart));
    } finally {
      target.cleanup();
    }
  }
  // A machine without Postgres (the README allows one) tests PGlite only; asking for Postgres there is an error.
  if (!only && !hasPostgresBinaries()) out("Postgres scenarios skipped: no Postgres binaries under /usr/lib/postgresql/*/bin");
  else if (!only || only === "postgres") {
    const cluster: OwnCluster = startOwnCluster(PG_PORT);
    try {
      const url = await cluster.freshDatabase("crash_kill");
      const target = { name: "Postgres", open: { url }, serverEnv: { DATABASE_URL: url } };
      outcomes.push(await scenario("kill -9 of the server, Postgres", target, KILLS, killAndRestart));
      const restartUrl = await cluster.freshDatabase("crash_restart");
      const restartTarget = { name: "Postgres", open: { url: restartUrl }, serverEnv: { DATABASE_URL: restartUrl } };
      outcomes.push(
        await scenario(
          "Postgres restart -m immediate, server kept running",
          restartTarget,
          RESTARTS,
          async (server) => {
            await cluster.crashRestart();
            return server;
          },
          true,
        ),
      );
    } finally {
      cluster.stop();
    }
  }
  return outcomes;
}

const outcomes = await main();
out("");
out("| scenario | crashes | events | acknowledged under load | requests | failed tries | gate |");
out("|---|---:|---:|---:|---:|---:|---|");
for (const o of outcomes) {
  const failed = o.gate.filter((g) => !g.ok);
  out(`| ${o.scenario} | ${o.crashes} | ${o.events} | ${o.ackedUnderLoad} | ${o.requests} | ${o.failedTries} | ${failed.length === 0 ? "all checks pass" : `FAILED: ${failed.map((g) => g.name).join(", ")}`} |`);
}
for (const o of outcomes) for (const g of o.gate) out(`  ${g.ok ? "ok  " : "FAIL"} ${o.scenario}: ${g.name} — ${g.detail}`);
if (outcomes.some((o) => o.gate.some((g) => !g.ok))) process.exitCode = 1;
