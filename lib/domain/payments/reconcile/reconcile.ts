import { inArray } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { platforms } from "@/lib/kernel/db/schema";
import { stripeKeyIsLive } from "@/lib/domain/payments/stripe/client";
import { creditsSince, ledgerRecords } from "./ledger-records";
import { reconcileTopUp, type Tally } from "./reconcile-top-up";
import { paymentPages, paymentsMovedSince, retrievePayment, type StripePayment } from "./stripe-records";

const DAY_MS = 86_400_000;

export interface ReconcileOptions {
  /** How far back to look: PaymentIntents created, and events (refunds, disputes, late successes) sent, since then. */
  days?: number;
  pageSize?: number;
  /** Replay what Stripe shows and the ledger lacks through the webhook handlers (default), or only report it. */
  repair?: boolean;
}

export interface ReconciliationReport extends Tally {
  mode: "live" | "test";
  from: string;
  to: string;
  /** PaymentIntents naming a platform this database does not have: another deployment on the same Stripe account. */
  otherDeployments: number;
}

interface Run {
  db: Db;
  report: ReconciliationReport;
  repair: boolean;
  liveMode: boolean;
}

/** PaymentIntents whose top-up this database lacks: another deployment's, or a real gap when the platform is ours. */
async function unmatched(run: Run, payments: StripePayment[]): Promise<void> {
  const named = [...new Set(payments.flatMap((p) => p.platformId ?? []))];
  const ours = new Set(named.length ? (await run.db.select({ id: platforms.id }).from(platforms).where(inArray(platforms.id, named))).map((r) => r.id) : []);
  for (const p of payments) {
    if (!p.platformId || !ours.has(p.platformId)) run.report.otherDeployments++;
    else run.report.unexplained.push({ kind: "unknown_top_up", paymentIntentId: p.intent.id, topUpId: p.topUpId, platformId: p.platformId, detail: `no ${run.liveMode ? "live" : "test"} mode Stripe top-up ${p.topUpId} in this database (PaymentIntent ${p.intent.status})` });
  }
}

async function reconcilePayments(run: Run, payments: StripePayment[]): Promise<void> {
  const records = await ledgerRecords(run.db, [...new Set(payments.map((p) => p.topUpId))]);
  const byTopUp = new Map<string, StripePayment[]>();
  const missing: StripePayment[] = [];
  for (const p of payments) {
    const record = records.get(p.topUpId);
    if (!record || record.topUp.liveMode !== run.liveMode || record.topUp.provider !== "stripe") missing.push(p);
    else byTopUp.set(p.topUpId, [...(byTopUp.get(p.topUpId) ?? []), p]);
  }
  await unmatched(run, missing);
  for (const [topUpId, group] of byTopUp) await reconcileTopUp(run.db, records.get(topUpId)!, group, run.report, run.repair);
}

/**
 * Payments made before the window that still matter: refunded, disputed or paid within it (events), or
 * credited within it. Each credit must have its succeeded PaymentIntent behind it.
 */
async function reconcileLatePayments(run: Run, from: Date, listed: Set<string>, pageSize: number): Promise<void> {
  const credits = new Map((await creditsSince(run.db, from, run.liveMode)).map((c) => [c.paymentIntentId, c]));
  const late = [...new Set([...(await paymentsMovedSince(from, pageSize)), ...credits.keys()])].filter((id) => !listed.has(id));
  for (let i = 0; i < late.length; i += pageSize) {
    const found: StripePayment[] = [];
    for (const id of late.slice(i, i + pageSize)) {
      const p = await retrievePayment(id);
      const credit = credits.get(id);
      if (p) found.push(p);
      if (credit && p?.topUpId !== credit.topUpId) {
        const why = p ? `the PaymentIntent names top-up ${p.topUpId}` : "Stripe has no such PaymentIntent of Billfold's";
        run.report.unexplained.push({ kind: "unexpected_credit", paymentIntentId: id, topUpId: credit.topUpId, platformId: credit.platformId, detail: `credited, but ${why}` });
      }
    }
    await reconcilePayments(run, found);
  }
}

/**
 * Compares Stripe with the ledger over the last `days` days (T17): every succeeded PaymentIntent credited
 * exactly once for its top-up's units, every refund and lost dispute taken back once (and given back
 * when it failed or was won), and every credit backed by a succeeded payment. What Stripe shows and the
 * ledger lacks is applied through the same idempotent handlers a webhook uses; anything else is
 * reported and left for a person.
 * @throws PaymentsUnavailableError without a usable Stripe key, PaymentProviderUnavailableError when Stripe fails
 */
export async function reconcileStripe(db: Db, options: ReconcileOptions = {}): Promise<ReconciliationReport> {
  const to = now();
  const from = new Date(to.getTime() - (options.days ?? 30) * DAY_MS);
  const liveMode = stripeKeyIsLive();
  const report: ReconciliationReport = { mode: liveMode ? "live" : "test", from: from.toISOString(), to: to.toISOString(), payments: 0, refunds: 0, disputes: 0, otherDeployments: 0, repaired: [], unexplained: [] };
  const run: Run = { db, report, repair: options.repair ?? true, liveMode };
  const pageSize = options.pageSize ?? 100;
  const listed = new Set<string>();
  for await (const page of paymentPages(from, pageSize)) {
    page.forEach((p) => listed.add(p.intent.id));
    await reconcilePayments(run, page);
  }
  await reconcileLatePayments(run, from, listed, pageSize);
  return report;
}

