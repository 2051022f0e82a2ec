import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../../lib/db/open";
import { measureDbCeilings } from "./db-ceiling";
import { correctnessGate } from "./gate";
import { runLoad, type LoadResult } from "./load";
import type { RunReport } from "./report";
import { runScenario, type ScenarioSpec } from "./scenarios";
import { startServer, type BenchServer } from "./server";
import { setupViaHttp } from "./setup-http";

export type Kind = "pglite" | "postgres";

export interface RunOptions {
  durationS: number;
  port: number;
  postgresUrl?: string;
  log: (line: string) => void;
}

async function resetPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public;");
  await client.end();
}

/** A fresh, migrated database for the server, so its first request does not pay for initdb. */
async function freshDatabase(kind: Kind, temp: string, url?: string): Promise<{ url?: string; dataDir: string }> {
  const dataDir = path.join(temp, "server");
  if (kind === "postgres") await resetPostgres(url!);
  const database = await openDatabase(kind === "postgres" ? { url, poolSize: 2 } : { dataDir: path.join(dataDir, "pglite") });
  await database.close();
  return { url: kind === "postgres" ? url : undefined, dataDir };
}

async function httpCeilings(server: BenchServer, durationS: number): Promise<{ single: LoadResult; batch: LoadResult }> {
  const body = (n: number) =>
    JSON.stringify({ customer_id: "cust_x", events: Array.from({ length: n }, (_, i) => ({ id: `e${i}`, event_type: "message_completed", data: { model: "large", total_tokens: 1000 } })) });
  const single = body(1);
  const batch = body(100);
  return {
    single: await runLoad({ url: server.url, path: "/api/bench/echo", connections: 32, durationS, eventsPerRequest: 1, body: () => single }),
    batch: await runLoad({ url: server.url, path: "/api/bench/echo", connections: 16, durationS, eventsPerRequest: 100, body: () => batch }),
  };
}

interface Endpoint {
  scenarios: RunReport["scenarios"];
  acceptedIds: string[];
  inFlightBound: number;
  replayBilled: number;
  platformId: string;
}

async function endpointScenarios(kind: Kind, server: BenchServer, options: RunOptions): Promise<Endpoint> {
  options.log(`[${kind}] creating 1,000 customers through the API…`);
  const fixture = await setupViaHttp(server, 1000);
  const spread = (n: number) => fixture.customerIds[(n * 7919) % fixture.customerIds.length]!;
  const rate = kind === "postgres" ? 1000 : 500;
  const out: Endpoint = { scenarios: [], acceptedIds: [], inFlightBound: 0, replayBilled: 0, platformId: fixture.platformId };
  const run = async (spec: ScenarioSpec, ceiling: string, target: string) => {
    options.log(`[${kind}] ${spec.name}…`);
    const { acceptedIds, ...result } = await runScenario(server.url, fixture, spec, options.durationS);
    out.acceptedIds.push(...acceptedIds);
    out.inFlightBound += spec.connections * spec.eventsPerRequest;
    if (spec.name !== "warm-up") out.scenarios.push({ ...result, ceiling, target });
    return acceptedIds;
  };
  const pg = kind === "postgres";
  await run({ name: "warm-up", connections: 8, eventsPerRequest: 1, customer: spread }, "single", "–");
  const seen = await run({ name: "single events, 1,000 customers, 32 connections", connections: 32, eventsPerRequest: 1, customer: spread }, "single", pg ? "≥ 1,000/s" : "≥ 500/s");
  await run({ name: `single events at a fixed ${rate}/s`, connections: 32, overallRate: rate, eventsPerRequest: 1, customer: spread }, "single", pg ? "p95 ≤ 25 ms" : "–");
  await run({ name: "100-event batches, 16 connections", connections: 16, eventsPerRequest: 100, customer: spread }, "batch", pg ? "≥ 10,000/s" : "≥ 5,000/s");
  await run({ name: "one hot wallet, 32 connections", connections: 32, eventsPerRequest: 1, customer: () => fixture.hotCustomerId }, "hot", pg ? "≥ 1,000/s" : "as cold");
  out.replayBilled = (await run({ name: "replays of seen ids, 32 connections", connections: 32, eventsPerRequest: 1, customer: spread, replay: seen }, "replay", "≥ single, 0 billed")).length;
  return out;
}

/** One database's whole run: ceilings, the endpoint's scenarios on the production build, and the gate. */
export async function runDatabase(kind: Kind, options: RunOptions): Promise<RunReport> {
  if (kind === "postgres" && !options.postgresUrl) throw new Error("Set BENCH_DATABASE_URL (a database this benchmark may wipe) to run on Postgres.");
  const temp = mkdtempSync(path.join(os.tmpdir(), "billfold-bench-"));
  try {
    options.log(`[${kind}] database ceilings (${options.durationS} s each)…`);
    if (kind === "postgres") await resetPostgres(options.postgresUrl!);
    const ceilingDb = await openDatabase(kind === "postgres" ? { url: options.postgresUrl, poolSize: 32 } : { dataDir: path.join(temp, "ceiling") });
    const dbCeilings = await measureDbCeilings(ceilingDb, options.durationS);
    await ceilingDb.close();
    const database = await freshDatabase(kind, temp, options.postgresUrl);
    const server = await startServer(options.port, database);
    let http: RunReport["http"];
    let endpoint: Endpoint;
    try {
      options.log(`[${kind}] HTTP ceiling…`);
      http = await httpCeilings(server, options.durationS);
      endpoint = await endpointScenarios(kind, server, options);
    } finally {
      await server.stop();
    }
    const gateDb = await openDatabase(kind === "postgres" ? { url: options.postgresUrl, poolSize: 2 } : { dataDir: path.join(database.dataDir, "pglite") });
    const gate = await correctnessGate(gateDb, endpoint.platformId, endpoint.acceptedIds, endpoint.inFlightBound);
    await gateDb.close();
    gate.push({ name: "replays billed nothing", ok: endpoint.replayBilled === 0, detail: `${endpoint.replayBilled} replayed events accepted` });
    return { database: kind, dbCeilings, http, scenarios: endpoint.scenarios, gate, peakRssMb: server.peakRssMb() };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}
