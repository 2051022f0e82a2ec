import { inArray } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { platforms } from "@/lib/db/schema";
import { stripeKeyIsLive } from "../stripe/client";
import { creditsSince, ledgerRecords, type LedgerRecord } from "./ledger-records";
import { disputeRules, keysOf, paymentRules, refundRules, repairOf, type Finding, type Rule } from "./rules";
import { disputesOf, paymentPages, refundsOf, retrievePayment, type StripePayment } from "./stripe-records";

const DAY_MS = 86_400_000;
const REVERSAL_PREFIXES = ["refund:", "refund-failed:", "dispute:", "dispute-won:"];

export interface ReconcileOptions {
  /** How far back to list Stripe's PaymentIntents (Stripe keeps events for 30 days). */
  days?: number;
  pageSize?: number;
  /** Replay what Stripe shows and the ledger lacks through the webhook handlers (default), or only report it. */
  repair?: boolean;
}

export interface ReconciliationReport {
  mode: "live" | "test";
  from: string;
  to: string;
  /** Billfold's PaymentIntents compared, and the refunds and disputes read for them. */
  payments: number;
  refunds: number;
  disputes: number;
  /** PaymentIntents naming a platform this database does not have: another deployment on the same Stripe account. */
  otherDeployments: number;
  /** Stripe's money movements the ledger lacked, now applied (a lost webhook), each exactly once. */
  repaired: Finding[];
  /** Differences that need a person: nothing was changed for them. */
  unexplained: Finding[];
}

/** The finding a record breaks a rule with, or null when it holds. */
function broken(record: LedgerRecord, rule: Rule, p: StripePayment): Finding | null {
  const at = { paymentIntentId: p.intent.id, topUpId: record.topUp.id, platformId: record.topUp.platformId };
  const has = (key: string) => record.transfers.has(key);
  switch (rule.kind) {
    case "present": {
      const units = record.transfers.get(rule.key);
      if (!units) return { ...at, kind: rule.finding, detail: rule.detail };
      return units.eq(rule.units) ? null : { ...at, kind: "amount_mismatch", detail: `${rule.key} moved ${units.toString()} units, expected ${rule.units.toString()}` };
    }
    case "absent":
      return has(rule.key) ? { ...at, kind: rule.finding, detail: `${rule.key}: ${rule.detail}` } : null;
    case "paired":
      return has(rule.keys[0]) === has(rule.keys[1]) ? null : { ...at, kind: "unexpected_reversal", detail: `only one of ${rule.keys.join(" and ")}: ${rule.detail}` };
    case "completed":
      return record.topUp.status === "completed" ? null : { ...at, kind: "missing_credit", detail: rule.detail };
  }
}

async function rulesFor(db: Db, p: StripePayment, t: LedgerRecord, report: ReconciliationReport): Promise<{ rules: Rule[]; mismatch: string | null }> {
  const { rules, mismatch } = paymentRules(db, p, t.topUp);
  if (p.intent.status !== "succeeded" || !p.charge || t.topUp.origin === "subscription") return { rules, mismatch };
  const recorded = (prefix: string) => [...t.transfers.keys()].some((k) => k.startsWith(prefix));
  if (p.charge.amount_refunded > 0 || recorded("refund")) {
    const refunds = await refundsOf(p.charge.id);
    report.refunds += refunds.length;
    rules.push(...(await refundRules(db, t.topUp, refunds)));
  }
  if (p.charge.disputed || recorded("dispute")) {
    const disputes = await disputesOf(p.intent.id);
    report.disputes += disputes.length;
    rules.push(...(await disputeRules(db, t.topUp, disputes)));
  }
  return { rules, mismatch };
}

/** Checks one top-up against its PaymentIntents in the window; repairs what is missing, then checks again. */
async function reconcileTopUp(db: Db, record: LedgerRecord, payments: StripePayment[], report: ReconciliationReport, repair: boolean): Promise<void> {
  const checks: { p: StripePayment; rule: Rule }[] = [];
  for (const p of payments) {
    const { rules, mismatch } = await rulesFor(db, p, record, report);
    if (mismatch) report.unexplained.push({ kind: "amount_mismatch", paymentIntentId: p.intent.id, topUpId: record.topUp.id, platformId: record.topUp.platformId, detail: mismatch });
    checks.push(...rules.map((rule) => ({ p, rule })));
  }
  const failing = checks.flatMap((check) => {
    const finding = broken(record, check.rule, check.p);
    return finding ? [{ ...check, finding }] : [];
  });
  // A transfer of the wrong size is not missing: replaying the payment would not change it.
  const repairable = repair ? failing.filter(({ rule, finding }) => repairOf(rule) && finding.kind !== "amount_mismatch") : [];
  for (const { rule } of repairable) await repairOf(rule)!();
  const after = repairable.length > 0 ? ((await ledgerRecords(db, [record.topUp.id])).get(record.topUp.id) ?? record) : record;
  for (const check of failing) {
    const fixed = repairable.includes(check) && !broken(after, check.rule, check.p);
    (fixed ? report.repaired : report.unexplained).push(check.finding);
  }
  const explained = new Set(checks.flatMap(({ rule }) => keysOf(rule)));
  for (const key of after.transfers.keys()) {
    if (!explained.has(key) && REVERSAL_PREFIXES.some((prefix) => key.startsWith(prefix))) {
      report.unexplained.push({ kind: "unexpected_reversal", paymentIntentId: payments[0]!.intent.id, topUpId: record.topUp.id, platformId: record.topUp.platformId, detail: `${key} matches no refund or dispute at Stripe` });
    }
  }
}

/** PaymentIntents whose top-up this database lacks: another deployment's, or a real gap when the platform is ours. */
async function unmatched(db: Db, payments: StripePayment[], report: ReconciliationReport): Promise<void> {
  const named = [...new Set(payments.flatMap((p) => p.platformId ?? []))];
  const ours = new Set(named.length ? (await db.select({ id: platforms.id }).from(platforms).where(inArray(platforms.id, named))).map((r) => r.id) : []);
  for (const p of payments) {
    if (!p.platformId || !ours.has(p.platformId)) report.otherDeployments++;
    else report.unexplained.push({ kind: "unknown_top_up", paymentIntentId: p.intent.id, topUpId: p.topUpId, platformId: p.platformId, detail: `no top-up ${p.topUpId} in this database (PaymentIntent ${p.intent.status})` });
  }
}

async function reconcilePage(db: Db, page: StripePayment[], report: ReconciliationReport, repair: boolean, liveMode: boolean): Promise<void> {
  const records = await ledgerRecords(db, [...new Set(page.map((p) => p.topUpId))]);
  const byTopUp = new Map<string, StripePayment[]>();
  const missing: StripePayment[] = [];
  for (const p of page) {
    const record = records.get(p.topUpId);
    if (!record || record.topUp.liveMode !== liveMode || record.topUp.provider !== "stripe") missing.push(p);
    else byTopUp.set(p.topUpId, [...(byTopUp.get(p.topUpId) ?? []), p]);
  }
  report.payments += page.length - missing.length;
  await unmatched(db, missing, report);
  for (const [topUpId, payments] of byTopUp) await reconcileTopUp(db, records.get(topUpId)!, payments, report, repair);
}

/**
 * Compares Stripe with the ledger over the last `days` days (T17): every succeeded PaymentIntent credited
 * exactly once for its top-up's units, every refund and lost dispute taken back once, and every credit
 * backed by a succeeded payment. What Stripe shows and the ledger lacks is applied through the same
 * idempotent handlers a webhook uses; anything else is reported and left for a person.
 * @throws PaymentsUnavailableError without a Stripe key, PaymentProviderUnavailableError when Stripe fails
 */
export async function reconcileStripe(db: Db, options: ReconcileOptions = {}): Promise<ReconciliationReport> {
  const to = now();
  const from = new Date(to.getTime() - (options.days ?? 30) * DAY_MS);
  const liveMode = stripeKeyIsLive();
  const report: ReconciliationReport = { mode: liveMode ? "live" : "test", from: from.toISOString(), to: to.toISOString(), payments: 0, refunds: 0, disputes: 0, otherDeployments: 0, repaired: [], unexplained: [] };
  const listed = new Set<string>();
  for await (const page of paymentPages(from, options.pageSize ?? 100)) {
    page.forEach((p) => listed.add(p.intent.id));
    await reconcilePage(db, page, report, options.repair ?? true, liveMode);
  }
  for (const credit of await creditsSince(db, from, liveMode)) {
    if (listed.has(credit.paymentIntentId)) continue;
    const p = await retrievePayment(credit.paymentIntentId);
    if (p?.intent.status === "succeeded" && p.topUpId === credit.topUpId) continue;
    const why = p ? `the PaymentIntent is ${p.intent.status}${p.topUpId === credit.topUpId ? "" : ` and names top-up ${p.topUpId}`}` : "Stripe has no such PaymentIntent";
    report.unexplained.push({ kind: "unexpected_credit", paymentIntentId: credit.paymentIntentId, topUpId: credit.topUpId, platformId: credit.platformId, detail: `credited, but ${why}` });
  }
  return report;
}
