import type { CeilingResult } from "./db-ceiling";
import type { GateCheck } from "./gate";
import type { LoadResult } from "./load";
import type { ScenarioResult } from "./scenarios";

export interface RunReport {
  database: "pglite" | "postgres";
  dbCeilings: CeilingResult[];
  http: { single: LoadResult; batch: LoadResult };
  scenarios: (Omit<ScenarioResult, "acceptedIds"> & { ceiling: string; target: string })[];
  gate: GateCheck[];
  peakRssMb: number;
}

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "–");
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const pct = (n: number) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : "–");

/** The ceilings a scenario is judged against: the database's for the same shape, and HTTP's for the same body. */
export function ceilingsFor(report: RunReport, scenario: RunReport["scenarios"][number]) {
  // Judged against the database doing the same work the same way: requests grouped as the endpoint groups them.
  const db = report.dbCeilings.find((c) => c.name === scenario.ceiling && c.grouped)!;
  const http = scenario.ceiling === "batch" ? report.http.batch.eventsPerS : report.http.single.eventsPerS;
  return { db: db.eventsPerS, http, min: Math.min(db.eventsPerS, http) };
}

/** A markdown table of one run: absolute figures, latencies, and each figure as a share of its ceilings. */
export function formatReport(report: RunReport): string {
  const lines = [
    `### ${report.database}`,
    "",
    "| ceiling | events/s | requests/s | p50 ms | p95 ms | p99 ms |",
    "|---|---:|---:|---:|---:|---:|",
    ...report.dbCeilings.map(
      (c) => `| database, ${c.name}, ${c.grouped ? "grouped as served" : "1 request per transaction"} | ${int(c.eventsPerS)} | ${int(c.txPerS)} | ${ms(c.p50)} | ${ms(c.p95)} | ${ms(c.p99)} |`,
    ),
    ...(["single", "batch"] as const).map((k) => {
      const h = report.http[k];
      return `| HTTP echo, ${k === "single" ? "1-event body" : "100-event body"} | ${int(h.eventsPerS)} | ${int(h.reqPerS)} | ${ms(h.p50)} | ${ms(h.p95)} | ${ms(h.p99)} |`;
    }),
    "",
    "| scenario | events/s | req/s | p50 ms | p95 ms | p99 ms | target | ÷ DB ceiling | ÷ HTTP ceiling | ÷ min(both) | non-2xx |",
    "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ...report.scenarios.map((s) => {
      const c = ceilingsFor(report, s);
      return `| ${s.name} | ${int(s.eventsPerS)} | ${int(s.reqPerS)} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.target} | ${pct(s.eventsPerS / c.db)} | ${pct(s.eventsPerS / c.http)} | ${pct(s.eventsPerS / c.min)} | ${s.non2xx + s.errors} |`;
    }),
    "",
    `Server peak RSS: ${int(report.peakRssMb)} MB.`,
    "",
    "Correctness gate:",
    ...report.gate.map((g) => `- ${g.ok ? "PASS" : "FAIL"} ${g.name} (${g.detail})`),
    "",
  ];
  return lines.join("\n");
}
