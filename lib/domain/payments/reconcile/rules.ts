import type Stripe from "stripe";
import type { Db } from "@/lib/kernel/db";
import { dec, toMinorUnits, type Decimal } from "@/lib/kernel/money";
import { applyPaymentState } from "@/lib/domain/payments/fulfilment/apply-payment-state";
import { reversalUnits } from "@/lib/domain/payments/fulfilment/reversals";
import { minorDigits } from "@/lib/kernel/money/limits";
import { stateFromIntent } from "@/lib/domain/payments/stripe/intent-state";
import { amountIn, handleDispute, handleRefund } from "@/lib/domain/payments/inbound-webhooks/money-back-events";
import type { TopUpRow } from "@/lib/domain/payments/top-ups/store";
import type { StripePayment } from "./stripe-records";
import { isPlanCharge } from "@/lib/domain/payments/top-ups/store";

export type FindingKind =
  /** Stripe took the payment; the ledger has no credit for it. */
  | "missing_credit"
  /** Stripe gave money back (a refund, a dispute), or the refund failed or the dispute was won; the ledger did not follow. */
  | "missing_reversal"
  /** Stripe's amount and the top-up's, or a transfer and what it should be, differ. */
  | "amount_mismatch"
  /** A credit with no succeeded payment behind it. */
  | "unexpected_credit"
  /** A reversal or restoration that Stripe's refunds and disputes do not explain. */
  | "unexpected_reversal"
  /** Stripe names a top-up of one of this database's platforms that does not exist, or exists in the other mode. */
  | "unknown_top_up"
  /** A plan charge paid by more than one PaymentIntent: the plan took one, the rest is owed back. */
  | "duplicate_payment"
  /** Checking or repairing this top-up failed; the error says why, the next run tries again. */
  | "check_failed";

export interface Finding {
  kind: FindingKind;
  paymentIntentId: string;
  topUpId: string;
  platformId: string | null;
  detail: string;
}

/** What the ledger must hold for one Stripe object; `repair` replays it through the webhook's own handler. */
export type Rule =
  | { kind: "present"; key: string; units: Decimal; finding: FindingKind; detail: string; repair: () => Promise<unknown> }
  | { kind: "absent"; key: string; finding: FindingKind; detail: string }
  /** Both or neither: a refund that failed, a dispute that was won, moved no money in the end. */
  | { kind: "paired"; keys: [string, string]; detail: string; repair: () => Promise<unknown> }
  | { kind: "completed"; detail: string; repair: () => Promise<unknown> };

const money = (t: TopUpRow, minor: number) => `${t.currency} ${dec(String(minor)).div(10 ** minorDigits(t.currency)).toFixed(minorDigits(t.currency))}`;

/** The credit a PaymentIntent must (or must not) have produced, or the amount mismatch that kept it from crediting. */
export function paymentRules(db: Db, p: StripePayment, t: TopUpRow): { rules: Rule[]; mismatch: string | null } {
  const { intent } = p;
  const key = `pi:${intent.id}`;
  if (intent.status !== "succeeded") {
    return { rules: [{ kind: "absent", key, finding: "unexpected_credit", detail: `credited, but the PaymentIntent is ${intent.status}` }], mismatch: null };
  }
  const received = intent.amount_received;
  const expected = toMinorUnits(dec(t.amount), minorDigits(t.currency));
  if (intent.currency.toUpperCase() !== t.currency || BigInt(received) !== expected) {
    const mismatch = `Stripe received ${intent.currency.toUpperCase()} ${received} minor units; the top-up is for ${money(t, Number(expected))}`;
    return { rules: [{ kind: "absent", key, finding: "unexpected_credit", detail: "credited although the amount differs" }], mismatch };
  }
  const repair = () => applyPaymentState(db, stateFromIntent(intent));
  // A plan payment pays the subscription, not a wallet: no transfer, the top-up completes.
  if (isPlanCharge(t)) return { rules: [{ kind: "completed", detail: `paid ${money(t, received)}; the plan payment is not completed`, repair }], mismatch: null };
  return { rules: [{ kind: "present", key, units: dec(t.units), finding: "missing_credit", detail: `paid ${money(t, received)}`, repair }], mismatch: null };
}

/** Money a refund or dispute moved: none (an inquiry), taken back, or taken back and given back again. */
interface MoneyBack {
  keys: [take: string, undo: string];
  minor: number;
  currency: string;
  moved: "none" | "taken" | "returned";
  detail: string;
  repair: () => Promise<unknown>;
}

async function moneyBackRules(db: Db, t: TopUpRow, m: MoneyBack): Promise<Rule[]> {
  const [take, undo] = m.keys;
  const amount = amountIn(t, m.minor, m.currency);
  const units = amount ? await reversalUnits(db, t, amount) : dec("0");
  const absent = (key: string): Rule => ({ kind: "absent", key, finding: "unexpected_reversal", detail: m.detail });
  // Too little money to buy one unit, another currency, or nothing moved: nothing to take back.
  if (!units.gt(0) || m.moved === "none") return [absent(take), absent(undo)];
  if (m.moved === "returned") return [{ kind: "paired", keys: m.keys, detail: m.detail, repair: m.repair }];
  return [{ kind: "present", key: take, units, finding: "missing_reversal", detail: m.detail, repair: m.repair }, absent(undo)];
}

const REFUND_GONE = new Set(["failed", "canceled"]);

/** Each refund takes back what its money bought (written once), and a failed one gives it back under a second key. */
export async function refundRules(db: Db, t: TopUpRow, refunds: Stripe.Refund[]): Promise<Rule[]> {
  const rules = refunds.map((refund) =>
    moneyBackRules(db, t, {
      keys: [`refund:${refund.id}`, `refund-failed:${refund.id}`],
      minor: refund.amount,
      currency: refund.currency,
      moved: REFUND_GONE.has(refund.status ?? "") ? "returned" : "taken",
      detail: `refund ${refund.id} of ${money(t, refund.amount)}, ${refund.status}`,
      repair: () => handleRefund(db, refund),
    }),
  );
  return (await Promise.all(rules)).flat();
}

/** A dispute takes the money back unless it is only an inquiry; a won one gives it back under a second key. */
export async function disputeRules(db: Db, t: TopUpRow, disputes: Stripe.Dispute[]): Promise<Rule[]> {
  const rules = disputes.map((dispute) =>
    moneyBackRules(db, t, {
      keys: [`dispute:${dispute.id}`, `dispute-won:${dispute.id}`],
      minor: dispute.amount,
      currency: dispute.currency,
      moved: dispute.status.startsWith("warning_") || dispute.status === "prevented" ? "none" : dispute.status === "won" ? "returned" : "taken",
      detail: `dispute ${dispute.id} of ${money(t, dispute.amount)}, ${dispute.status}`,
      repair: () => handleDispute(db, dispute),
    }),
  );
  return (await Promise.all(rules)).flat();
}

/** The ledger keys a rule speaks for. */
export function keysOf(rule: Rule): string[] {
  if (rule.kind === "paired") return rule.keys;
  return rule.kind === "completed" ? [] : [rule.key];
}

export function repairOf(rule: Rule): (() => Promise<unknown>) | null {
  return rule.kind === "absent" ? null : rule.repair;
}
