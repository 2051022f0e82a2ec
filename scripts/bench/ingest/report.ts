import type { Summary } from "../lib/stats";
import type { CeilingResult } from "./ceilings";
import type { GateCheck } from "./gate";
import type { ScenarioResult } from "./scenarios";

export interface HttpCeiling {
  eventsPerS: number;
  reqPerS: number;
  latency: Summary;
}

export interface RunReport {
  database: "PGlite" | "Postgres";
  dbCeilings: CeilingResult[];
  /** transport: bare node:http; framework: Next's route handler; single/offered/batch: the API lane that serves /api/v1. */
  http: { transport: HttpCeiling; framework: HttpCeiling; single: HttpCeiling; offered: HttpCeiling & { rate: number }; batch: HttpCeiling };
  /** cpuMsPerEvent: the server's and (Postgres) the database backends' CPU time over the events answered. */
  scenarios: (Omit<ScenarioResult, "acceptedIds"> & { ceiling: string; target: string; cpuMsPerEvent?: { server: number; db: number } })[];
  gate: GateCheck[];
  peakRssMb: number;
  loadAverage: number[];
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const ms2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "–");
const pct = (n: number) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : "–");
const lat = (l: Summary) => `${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)}`;

/** The ceilings a scenario is judged against: the database doing the same work grouped as served, and HTTP for the same body. */
function ceilingsFor(report: RunReport, scenario: RunReport["scenarios"][number]) {
  const db = report.dbCeilings.find((c) => c.name === scenario.ceiling && c.grouped)!;
  const http = scenario.ceiling === "batch" ? report.http.batch.eventsPerS : report.http.single.eventsPerS;
  // Next's echo is measured with a 1-event body only.
  const framework = scenario.ceiling === "batch" ? Number.NaN : report.http.framework.eventsPerS;
  return { db: db.eventsPerS, http, transport: report.http.transport.reqPerS, framework, min: Math.min(db.eventsPerS, http) };
}

const httpRow = (name: string, c: HttpCeiling) => `| ${name} | ${int(c.eventsPerS)} | ${int(c.reqPerS)} | ${lat(c.latency)} |`;

function ceilingRows(report: RunReport): string[] {
  return [
    "| ceiling | events/s | requests/s | p50 ms | p95 ms | p99 ms |",
    "|---|---:|---:|---:|---:|---:|",
    ...report.dbCeilings.map((c) => {
      const how = c.name === "read" ? "balance read (customer, accounts), 32 at a time" : `${c.name}, ${c.grouped ? "grouped as served" : "1 request per transaction"}`;
      return `| database, ${how} | ${int(c.eventsPerS)} | ${int(c.reqPerS)} | ${lat(c.latency)} |`;
    }),
    httpRow("raw transport: bare node:http echo, 1-event body", report.http.transport),
    httpRow("framework: Next.js route handler echo, 1-event body", report.http.framework),
    httpRow("API lane echo, 1-event body", report.http.single),
    httpRow(`API lane echo, 1-event body offered at ${int(report.http.offered.rate)}/s`, report.http.offered),
    httpRow("API lane echo, 100-event body", report.http.batch),
  ];
}

/** A markdown section for one database: absolute figures, latencies, each figure as a share of its ceilings, and the gate. */
export function formatReport(report: RunReport): string {
  return [
    `### ${report.database}`,
    "",
    ...ceilingRows(report),
    "",
    "| scenario | events/s | req/s | p50 ms | p95 ms | p99 ms | target | ÷ DB ceiling | ÷ lane echo | ÷ min(both) | req/s ÷ raw transport | events/s ÷ Next echo | CPU ms/event server + DB | non-2xx |",
    "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---:|",
    ...report.scenarios.map((s) => {
      const c = ceilingsFor(report, s);
      const shares = `${pct(s.eventsPerS / c.db)} | ${pct(s.eventsPerS / c.http)} | ${pct(s.eventsPerS / c.min)} | ${pct(s.reqPerS / c.transport)} | ${pct(s.eventsPerS / c.framework)}`;
      const cpu = s.cpuMsPerEvent ? `${ms2(s.cpuMsPerEvent.server)} + ${ms2(s.cpuMsPerEvent.db)}` : "–";
      return `| ${s.name} | ${int(s.eventsPerS)} | ${int(s.reqPerS)} | ${lat(s.latency)} | ${s.target} | ${shares} | ${cpu} | ${s.non2xx + s.errors} |`;
    }),
    "",
    `Server peak RSS ${int(report.peakRssMb)} MB; load average ${report.loadAverage.map((l) => l.toFixed(2)).join(" / ")} (1/5/15 min) at the end of the run.`,
    "",
    "Correctness gate:",
    ...report.gate.map((g) => `- ${g.ok ? "PASS" : "FAIL"} ${g.name} (${g.detail})`),
    "",
  ].join("\n");
}
