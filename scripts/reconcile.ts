// npm run reconcile -- [--days 30] [--dry-run] [--json] [--url http://localhost:3000]
// Compares Stripe's PaymentIntents, refunds and disputes with the ledger; applies what a lost webhook
// never delivered (unless --dry-run) and lists what needs a person. Exits 1 when anything is unexplained.
// Goes through the running server's admin API when Billfold is up (PGlite allows one process), else
// opens the database itself with this environment's STRIPE_SECRET_KEY.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { parseArgs } from "node:util";
// @ts-expect-error -- plain ESM helper shared with the start script
import { adminToken } from "./admin-token.mjs";

const { values } = parseArgs({ options: { days: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" }, url: { type: "string" } } });
const input = { days: values.days === undefined ? 30 : Number(values.days), repair: !values["dry-run"] };
if (!Number.isInteger(input.days) || input.days < 1 || input.days > 90) {
  process.stderr.write("Usage: npm run reconcile -- [--days 1..90] [--dry-run] [--json]\n");
  process.exit(2);
}
const base = values.url ?? process.env.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;

interface FindingJson {
  kind: string;
  payment_intent_id: string;
  top_up_id: string;
  platform_id: string | null;
  detail: string;
}
interface ReportJson {
  mode: string;
  from: string;
  to: string;
  payments: number;
  refunds: number;
  disputes: number;
  other_deployments: number;
  repaired: FindingJson[];
  unexplained: FindingJson[];
}

/** POSTs without a time limit: a large account's run outlasts fetch's five-minute wait for headers. */
function post(url: URL, token: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = (url.protocol === "https:" ? httpsRequest : httpRequest)(url, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function viaServer(): Promise<ReportJson | null> {
  const healthy = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
  if (!healthy) return null;
  const res = await post(new URL("/api/admin/reconciliations", base), adminToken() as string, JSON.stringify(input));
  let body: { detail?: string; errors?: Record<string, string[]> } | null = null;
  try {
    body = JSON.parse(res.text);
  } catch {
    body = null;
  }
  if (res.status !== 200) {
    const why = body?.detail ?? (Object.values(body?.errors ?? {}).flat().join("; ") || "was it started with this data directory?");
    throw new Error(`The running server refused (${res.status}): ${why}`);
  }
  return body as unknown as ReportJson;
}

async function direct(): Promise<ReportJson> {
  const { getDatabase } = await import("../lib/kernel/db");
  const { reconcileStripe } = await import("../lib/domain/payments/reconcile/reconcile");
  const { reportJson } = await import("../lib/domain/payments/reconcile/report");
  // A repair can settle a plan charge, which subscriptions take up through their hooks.
  (await import("../lib/boot/hooks")).registerHooks();
  const database = await getDatabase();
  try {
    return reportJson(await reconcileStripe(database.db, input));
  } finally {
    await database.close();
  }
}

const line = (f: FindingJson) => `  ${f.kind.padEnd(20)} ${f.payment_intent_id}  top-up ${f.top_up_id}  platform ${f.platform_id ?? "?"}\n    ${f.detail}`;

try {
  const report = (await viaServer()) ?? (await direct());
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const out = [
      `Stripe (${report.mode} mode) against the ledger, ${report.from} – ${report.to}:`,
      `  ${report.payments} PaymentIntents, ${report.refunds} refunds, ${report.disputes} disputes compared; ${report.other_deployments} belong to another deployment`,
      `Repaired (a webhook never arrived; applied once now): ${report.repaired.length}`,
      ...report.repaired.map(line),
      `Unexplained (nothing changed; needs a person): ${report.unexplained.length}`,
      ...report.unexplained.map(line),
    ];
    process.stdout.write(`${out.join("\n")}\n`);
  }
  if (report.unexplained.length > 0) process.exitCode = 1;
} catch (error) {
  process.stderr.write(`Reconciliation failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
