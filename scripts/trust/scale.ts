// npm run test:scale — Billfold as deployed on more than one machine, shaken while it works: two
// production instances behind a round-robin load balancer, PgBouncer in transaction pooling in front of
// a Postgres primary, and a streaming replica (pg_basebackup) serving the portal's reads. Ingest from
// retrying clients, portal browsing, test-provider payments and the job runners run for SCALE_SECONDS
// (default 90) while one instance is killed (-9) and restarted, PgBouncer is restarted and the replica is
// stopped and started again. Then every ingest request is sent again and the gate runs: nothing lost or
// billed twice, ledger invariants, rollups, every payment credited once, read-your-writes after paying;
// and the replica lag the portal let a customer see is reported. Throwaway clusters on free ports.
import { randomBytes } from "node:crypto";
import { setTimeout as delay } from "node:timers/promises";
import { openDatabase } from "../../lib/kernel/db/open";
import { findLedgerViolations } from "../../lib/domain/ledger/invariants";
import { freePort } from "../free-port.mjs";
import { correctnessGate, type GateCheck } from "../bench/ingest/gate";
import { setupViaHttp } from "../bench/ingest/setup";
import { portalCookies } from "../bench/lib/sessions";
import { startServer, type BenchServer } from "../bench/lib/server";
import { startBalancer } from "./lib/balancer";
import { startOwnCluster } from "./lib/cluster";
import { EVENTS_PER_REQUEST, resendAll, startIngestLoad } from "./lib/ingest-load";
import { kill9 } from "./lib/kill";
import { lagSummary, startPortalLoad, type PortalLoad } from "./lib/portal-load";
import { startBouncer, startReplica } from "./lib/topology";

const SECONDS = Number(process.env.SCALE_SECONDS ?? 90);
// Seconds since the process started, the clock the portal load's failure notes use too.
const out = (line: string) => void process.stdout.write(`[${Math.round(performance.now() / 1000)} s] ${line}\n`);
// A disrupted component may fail the requests in flight and those of the next seconds (a pooled
// connection found dead, a page render started before the cut); after this long everything must work.
const RECOVERY_MS = 10_000;
const at = (fraction: number, from: number) => delay(Math.max(0, from + fraction * SECONDS * 1000 - performance.now()));

async function walletOf(base: string, key: string, customerId: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/customers/${customerId}/wallet`, { headers: { authorization: `Bearer ${key}` } });
  const { accounts } = (await res.json()) as { accounts: { id: string; available: string }[] };
  return Number(accounts.find((a) => a.id === "default:USD")?.available ?? 0);
}

async function paymentChecks(base: string, key: string, payers: string[], portal: PortalLoad): Promise<GateCheck[]> {
  const wrong: string[] = [];
  for (const id of payers) {
    const expected = 5 * (portal.paid.get(id) ?? 0);
    const actual = await walletOf(base, key, id);
    if (actual !== expected) wrong.push(`${id}: ${actual} ≠ ${expected}`);
  }
  const payments = [...portal.paid.values()].reduce((a, b) => a + b, 0);
  return [
    { name: "every paid top-up credited exactly once", ok: wrong.length === 0 && payments > 0, detail: `${payments} payments; ${wrong.join(", ") || "all wallets match"}` },
    { name: "read-your-writes: the portal showed each payment right after it", ok: portal.staleAfterPay === 0, detail: `${portal.staleAfterPay} stale reads` },
  ];
}

async function main(): Promise<GateCheck[]> {
  const [pgPort, replicaPort, bouncerPort, lbPort, portA, portB] = await Promise.all([1, 2, 3, 4, 5, 6].map(() => freePort()));
  out(`Primary :${pgPort}, replica :${replicaPort}, PgBouncer :${bouncerPort}, balancer :${lbPort} → instances :${portA}, :${portB}; ${SECONDS} s`);
  const primary = startOwnCluster(pgPort!);
  const direct = await primary.freshDatabase("billfold");
  const replica = await startReplica(pgPort!, replicaPort!);
  const bouncer = await startBouncer(pgPort!, bouncerPort!, 20);
  const balancer = await startBalancer(lbPort!, [portA!, portB!]);
  const adminToken = randomBytes(32).toString("base64url");
  const env = {
    DATABASE_URL: bouncer.url("billfold"),
    DATABASE_REPLICA_URL: replica.url("billfold"),
    BILLFOLD_JOBS: "on",
    LOG_LEVEL: "silent",
    BILLFOLD_ADMIN_TOKEN: adminToken,
    BILLFOLD_SECRET: randomBytes(32).toString("base64url"),
    PORTAL_URL: balancer.url,
  };
  const servers: BenchServer[] = [await startServer(portA!, env), await startServer(portB!, env)];
  const gate: GateCheck[] = [];
  try {
    out("Two platforms: one for ingest (the gate's), one for the portal (browsing, payments, the lag probe)…");
    const ingestFixture = await setupViaHttp(balancer.url, adminToken, 200);
    const portalFixture = await setupViaHttp(balancer.url, adminToken, 8);
    const cookieOf = async (id: string) => ({ id, cookie: (await portalCookies(balancer.url, portalFixture.key, id, 1))[0]! });
    const [probe, ...rest] = await Promise.all(portalFixture.customerIds.map(cookieOf));
    const browsers = rest.slice(0, 4);
    const payers = rest.slice(4);
    const ingest = startIngestLoad(balancer.url, ingestFixture, 8, "scale");
    const portal = startPortalLoad(balancer.url, portalFixture.key, browsers, payers, probe!);
    const from = performance.now();
    const disruptions: [number, number][] = [];
    const disrupt = async (what: string, action: () => Promise<unknown>) => {
      const start = performance.now();
      out(what);
      await action();
      disruptions.push([start, performance.now() + RECOVERY_MS]);
    };
    await at(0.2, from);
    await disrupt("kill -9 of instance B", () => kill9(servers[1]!.pid));
    await at(0.35, from);
    await disrupt("instance B restarted", async () => (servers[1] = await startServer(portB!, env)));
    await at(0.5, from);
    await disrupt("PgBouncer stopped at once (SIGTERM) and started again", () => bouncer.restart());
    await at(0.65, from);
    await disrupt("replica stopped", () => replica.stop());
    await at(0.8, from);
    await disrupt("replica started", () => replica.start());
    await at(1, from);
    await Promise.all([ingest.stop(), portal.stop()]);
    const health = await Promise.all(servers.map((s) => fetch(`${s.url}/api/health`).then((r) => r.json())));
    out(`Instances' health at the end: ${JSON.stringify(health)}`);
    const resent = await resendAll(balancer.url, ingestFixture, ingest);
    const database = await openDatabase({ url: direct, migrate: false });
    try {
      gate.push(...(await correctnessGate(database, ingestFixture.platformId, ingest.batches.flatMap((b) => b.ids), 0)));
      const portalViolations = await findLedgerViolations(database.db, portalFixture.platformId);
      gate.push({ name: "ledger invariants, portal platform", ok: portalViolations.length === 0, detail: portalViolations.slice(0, 3).join("; ") || "none violated" });
    } finally {
      await database.close();
    }
    gate.push({ name: "re-sent requests billed nothing new", ok: resent.replayBilled === 0, detail: `${resent.replayBilled} events billed again` });
    gate.push(...(await paymentChecks(balancer.url, portalFixture.key, payers.map((p) => p.id), portal)));
    const browsed = portal.browse.ok + portal.browse.failed;
    const outside = portal.browse.failedAt.filter((t) => !disruptions.some(([a, b]) => t >= a && t <= b)).length;
    gate.push({
      name: `portal reads failed only within ${RECOVERY_MS / 1000} s of a disruption`,
      ok: outside === 0 && portal.browse.ok > 0,
      detail: `${portal.browse.failed} of ${browsed} failed, ${outside} outside those windows`,
    });
    const lag = lagSummary(portal);
    gate.push({ name: "the portal showed every API write within 10 s", ok: portal.lagTimeouts === 0 && lag.n > 0, detail: `${lag.n} probes, ${portal.lagTimeouts} timed out` });
    out("");
    out(`Ingest: ${ingest.batches.length * EVENTS_PER_REQUEST} events in ${ingest.batches.length} requests, ${ingest.acked * EVENTS_PER_REQUEST} acknowledged under load, ${ingest.failedTries} failed tries, ${resent.firstAcked} requests first acknowledged on the re-send.`);
    out(`Portal: ${browsed} reads (${portal.browse.failed} failed), ${[...portal.paid.values()].reduce((a, b) => a + b, 0)} payments.`);
    out(`Failed portal reads: ${[...portal.browse.why].map(([why, n]) => `${why} ×${n}`).join("; ") || "none"}`);
    out(`Replica lag seen by the portal (API write → portal read shows it): p50 ${lag.p50.toFixed(0)} ms, p95 ${lag.p95.toFixed(0)} ms, max ${lag.max.toFixed(0)} ms over ${lag.n} probes.`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await balancer.close();
    await bouncer.stop();
    replica.destroy();
    primary.stop();
  }
  return gate;
}

const gate = await main();
for (const g of gate) out(`  ${g.ok ? "ok  " : "FAIL"} ${g.name} — ${g.detail}`);
if (gate.some((g) => !g.ok)) process.exitCode = 1;
