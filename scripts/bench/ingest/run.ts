import { randomBytes } from "node:crypto";
import os from "node:os";
import { openDatabase } from "../../../lib/kernel/db/open";
import { benchTargets, dropBenchDatabase, type BenchTarget } from "../lib/databases";
import { postgresCpuMs, processCpuMs } from "../lib/cpu";
import { load } from "../lib/load";
import { startRawServer } from "../lib/raw-server";
import { startServer, type BenchServer } from "../lib/server";
import { measureDbCeilings } from "./ceilings";
import { correctnessGate } from "./gate";
import type { HttpCeiling, RunReport } from "./report";
import { runReads, runScenario, type ScenarioSpec } from "./scenarios";
import { setupViaHttp } from "./setup";

export interface RunOptions {
  durationS: number;
  port: number;
  log: (line: string) => void;
}

async function echo(url: string, events: number, connections: number, durationS: number, overallRate?: number): Promise<HttpCeiling> {
  const body = JSON.stringify({
    customer_id: "cust_x",
    events: Array.from({ length: events }, (_, i) => ({ id: `e${i}`, event_type: "message_completed", data: { model: "large", total_tokens: 1000 } })),
  });
  const headers = { "content-type": "application/json" };
  const r = await load({ url, method: "POST", connections, durationSeconds: durationS, overallRate, bodies: [body], headers });
  return { eventsPerS: r.rps * events, reqPerS: r.rps, latency: r.latency };
}

interface Endpoint {
  scenarios: RunReport["scenarios"];
  acceptedIds: string[];
  inFlightBound: number;
  replayBilled: number;
  platformId: string;
}

async function endpointScenarios(target: BenchTarget, server: BenchServer, adminToken: string, options: RunOptions): Promise<Endpoint> {
  options.log(`[${target.name}] creating 1,000 customers through the API…`);
  const fixture = await setupViaHttp(server.url, adminToken, 1000);
  const spread = (n: number) => fixture.customerIds[(n * 7919) % fixture.customerIds.length]!;
  const out: Endpoint = { scenarios: [], acceptedIds: [], inFlightBound: 0, replayBilled: 0, platformId: fixture.platformId };
  const run = async (spec: ScenarioSpec, ceiling: string, goal: string) => {
    options.log(`[${target.name}] ${spec.name}…`);
    const database = target.open.url ? new URL(target.open.url).pathname.slice(1) : null;
    const cpu = () => ({ server: processCpuMs(server.pid), db: database ? postgresCpuMs(database) : Number.NaN });
    const before = cpu();
    const { acceptedIds, ...measured } = await runScenario(server.url, fixture, spec, options.durationS);
    const after = cpu();
    const events = measured.eventsPerS * options.durationS;
    const result = { ...measured, cpuMsPerEvent: { server: (after.server - before.server) / events, db: (after.db - before.db) / events } };
    out.acceptedIds.push(...acceptedIds);
    out.inFlightBound += spec.connections * spec.eventsPerRequest;
    if (spec.name !== "warm-up") out.scenarios.push({ ...result, ceiling, target: goal });
    return acceptedIds;
  };
  const pg = target.name === "Postgres";
  const rate = pg ? 1000 : 500;
  await run({ name: "warm-up", connections: 8, eventsPerRequest: 1, customer: spread }, "single", "–");
  const seen = await run({ name: "single events, 1,000 customers, 32 connections", connections: 32, eventsPerRequest: 1, customer: spread }, "single", pg ? "≥ 2,000/s" : "≥ 1,500/s");
  await run({ name: `single events offered at ${rate}/s`, connections: 32, overallRate: rate, eventsPerRequest: 1, customer: spread }, "single", pg ? "p95 ≤ 25 ms" : "–");
  await run({ name: "100-event batches, 16 connections", connections: 16, eventsPerRequest: 100, customer: spread }, "batch", pg ? "≥ 12,000/s" : "≥ 5,000/s");
  await run({ name: "one hot wallet, 32 connections", connections: 32, eventsPerRequest: 1, customer: () => fixture.hotCustomerId }, "hot", pg ? "≥ 2,000/s" : "as cold");
  const replays = { name: "replays of seen ids, 32 connections", connections: 32, eventsPerRequest: 1, customer: spread, replay: seen };
  out.replayBilled = (await run(replays, "replay", "≥ single, 0 billed")).length;
  options.log(`[${target.name}] balance reads…`);
  const reads = await runReads(server.url, fixture, { connections: 32, overallRate: 2000, customer: spread }, options.durationS);
  out.scenarios.push({ ...reads, ceiling: "read", target: pg ? "p95 ≤ 5 ms" : "–" });
  return out;
}

/** A fresh target's ceilings (in-process), then the endpoint on the production build, then the gate. */
export async function runTarget(kind: "pglite" | "postgres", options: RunOptions): Promise<RunReport> {
  process.env.BENCH_DB = kind;
  options.log(`[${kind}] database ceilings (${options.durationS} s each)…`);
  const [ceilingTarget] = await benchTargets("ingest_ceiling");
  const ceilingDb = await openDatabase(ceilingTarget!.open);
  const dbCeilings = await measureDbCeilings(ceilingDb, options.durationS);
  await ceilingDb.close();
  if (kind === "postgres") await dropBenchDatabase("ingest_ceiling");
  const [target] = await benchTargets("ingest");
  const prepared = await openDatabase(target!.open);
  await prepared.close();
  const adminToken = randomBytes(32).toString("base64url");
  const env = { ...target!.serverEnv, BILLFOLD_BENCH_BUILD: "1", BILLFOLD_ADMIN_TOKEN: adminToken, BILLFOLD_SECRET: randomBytes(32).toString("base64url") };
  const server = await startServer(options.port, { ...env, PORTAL_URL: `http://127.0.0.1:${options.port}` });
  let peakRssMb = 0;
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, server.rssMb())), 250);
  let http: RunReport["http"];
  let endpoint: Endpoint;
  try {
    options.log(`[${kind}] HTTP ceiling…`);
    const rate = kind === "postgres" ? 1000 : 500;
    const raw = await startRawServer(options.port + 1);
    const transport = await echo(raw.url, 1, 32, options.durationS).finally(() => raw.stop());
    // The API is served by the production server's lane (scripts/server/api-lane.mjs); Next's own echo is the framework's ceiling.
    const lane = `${server.url}/api/bench/lane/echo`;
    http = {
      transport,
      framework: await echo(`${server.url}/api/bench/echo`, 1, 32, options.durationS),
      single: await echo(lane, 1, 32, options.durationS),
      offered: { rate, ...(await echo(lane, 1, 32, options.durationS, rate)) },
      batch: await echo(lane, 100, 16, options.durationS),
    };
    endpoint = await endpointScenarios(target!, server, adminToken, options);
  } finally {
    clearInterval(sampler);
    await server.stop();
  }
  const gateDb = await openDatabase(target!.open);
  const gate = await correctnessGate(gateDb, endpoint.platformId, endpoint.acceptedIds, endpoint.inFlightBound);
  await gateDb.close();
  gate.push({ name: "replays billed nothing", ok: endpoint.replayBilled === 0, detail: `${endpoint.replayBilled} replayed events accepted` });
  return { database: target!.name, dbCeilings, http, scenarios: endpoint.scenarios, gate, peakRssMb, loadAverage: os.loadavg() };
}
