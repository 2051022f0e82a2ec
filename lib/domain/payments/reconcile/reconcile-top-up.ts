import type { Db } from "@/lib/kernel/db";
import { PaymentProviderUnavailableError, PaymentsUnavailableError } from "@/lib/domain/payments/errors";
import { ledgerRecords, type LedgerRecord } from "./ledger-records";
import { disputeRules, keysOf, paymentRules, refundRules, repairOf, type Finding, type FindingKind, type Rule } from "./rules";
import { disputesOf, refundsOf, type StripePayment } from "./stripe-records";
import { isPlanCharge } from "@/lib/domain/payments/top-ups/store";

const REVERSAL_PREFIXES = ["refund:", "refund-failed:", "dispute:", "dispute-won:"];

/** What one run has compared, applied and left for a person, added to as it goes. */
export interface Tally {
  payments: number;
  refunds: number;
  disputes: number;
  repaired: Finding[];
  unexplained: Finding[];
}

const findingOf = (record: LedgerRecord, p: StripePayment, kind: FindingKind, detail: string): Finding => ({
  kind,
  paymentIntentId: p.intent.id,
  topUpId: record.topUp.id,
  platformId: record.topUp.platformId,
  detail,
});

/** The finding a record breaks a rule with, or null when it holds. */
function broken(record: LedgerRecord, rule: Rule, p: StripePayment): Finding | null {
  const has = (key: string) => record.transfers.has(key);
  switch (rule.kind) {
    case "present": {
      const units = record.transfers.get(rule.key);
      if (!units) return findingOf(record, p, rule.finding, rule.detail);
      return units.eq(rule.units) ? null : findingOf(record, p, "amount_mismatch", `${rule.key} moved ${units.toString()} units, expected ${rule.units.toString()}`);
    }
    case "absent":
      return has(rule.key) ? findingOf(record, p, rule.finding, `${rule.key}: ${rule.detail}`) : null;
    case "paired":
      return has(rule.keys[0]) === has(rule.keys[1]) ? null : findingOf(record, p, "missing_reversal", `only one of ${rule.keys.join(" and ")}: ${rule.detail}`);
    case "completed":
      return record.topUp.status === "completed" ? null : findingOf(record, p, "missing_credit", rule.detail);
  }
}

async function rulesFor(db: Db, p: StripePayment, t: LedgerRecord, tally: Tally): Promise<Rule[]> {
  const { rules, mismatch } = paymentRules(db, p, t.topUp);
  if (mismatch) tally.unexplained.push(findingOf(t, p, "amount_mismatch", mismatch));
  // Only a credited payment has anything to take back (postReversal refuses the others).
  if (p.intent.status !== "succeeded" || mismatch || !p.charge || isPlanCharge(t.topUp)) return rules;
  const recorded = (prefix: string) => [...t.transfers.keys()].some((k) => k.startsWith(prefix));
  if (p.charge.amount_refunded > 0 || recorded("refund")) {
    const refunds = await refundsOf(p.charge.id);
    tally.refunds += refunds.length;
    rules.push(...(await refundRules(db, t.topUp, refunds)));
  }
  if (p.charge.disputed || recorded("dispute")) {
    const disputes = await disputesOf(p.intent.id);
    tally.disputes += disputes.length;
    rules.push(...(await disputeRules(db, t.topUp, disputes)));
  }
  return rules;
}

/** Reversal keys no Stripe refund or dispute explains; only judged when every payment of the top-up was looked at. */
function unexplainedKeys(record: LedgerRecord, payments: StripePayment[], rules: Rule[]): Finding[] {
  const examined = new Set(payments.map((p) => `pi:${p.intent.id}`));
  if ([...record.transfers.keys()].some((key) => key.startsWith("pi:") && !examined.has(key))) return [];
  const explained = new Set(rules.flatMap(keysOf));
  return [...record.transfers.keys()]
    .filter((key) => !explained.has(key) && REVERSAL_PREFIXES.some((prefix) => key.startsWith(prefix)))
    .map((key) => findingOf(record, payments[0]!, "unexpected_reversal", `${key} matches no refund or dispute at Stripe`));
}

/** A plan charge is paid once; further payments of it credited nothing and are owed back. */
function duplicatePlanPayments(record: LedgerRecord, payments: StripePayment[]): Finding[] {
  if (!isPlanCharge(record.topUp)) return [];
  const paid = payments.filter((p) => p.intent.status === "succeeded");
  if (paid.length < 2) return [];
  return paid
    .filter((p) => p.intent.id !== record.topUp.paymentIntentId)
    .map((p) => findingOf(record, p, "duplicate_payment", `the plan charge was already paid by ${record.topUp.paymentIntentId ?? "another payment"}; refund this one`));
}

async function checkTopUp(db: Db, record: LedgerRecord, payments: StripePayment[], tally: Tally, repair: boolean): Promise<void> {
  const checks: { p: StripePayment; rule: Rule }[] = [];
  for (const p of payments) checks.push(...(await rulesFor(db, p, record, tally)).map((rule) => ({ p, rule })));
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
    (fixed ? tally.repaired : tally.unexplained).push(check.finding);
  }
  tally.unexplained.push(...unexplainedKeys(after, payments, checks.map((c) => c.rule)), ...duplicatePlanPayments(after, payments));
}

/**
 * Checks one top-up against its PaymentIntents; repairs what is missing, then checks again. A failure
 * of this top-up alone (not of Stripe or its settings, which stop the run) becomes a finding.
 */
export async function reconcileTopUp(db: Db, record: LedgerRecord, payments: StripePayment[], tally: Tally, repair: boolean): Promise<void> {
  tally.payments += payments.length;
  try {
    await checkTopUp(db, record, payments, tally, repair);
  } catch (error) {
    if (error instanceof PaymentProviderUnavailableError || error instanceof PaymentsUnavailableError) throw error;
    tally.unexplained.push(findingOf(record, payments[0]!, "check_failed", error instanceof Error ? error.message : String(error)));
  }
}
