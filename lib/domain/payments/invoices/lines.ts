import { and, eq } from "drizzle-orm";
import { findAsset } from "@/lib/domain/assets/find-asset";
import { isFiat } from "@/lib/kernel/money/fiat";
import type { Tx } from "@/lib/kernel/db";
import { ledgerTransfers, subscriptions } from "@/lib/kernel/db/schema";
import { dec } from "@/lib/kernel/money";
import type { TopUpRow } from "@/lib/domain/payments/top-ups/store";
import { inScope } from "@/lib/kernel/scope";
import type { DocumentLine } from "./document";

const line = (l: Partial<DocumentLine> & Pick<DocumentLine, "kind" | "description" | "amount">): DocumentLine => ({
  quantity: null,
  rate: null,
  period: null,
  ...l,
});

/** A plan charge: the plan, for the period this payment started (read after the subscription moved to it). */
async function planLine(tx: Tx, t: TopUpRow): Promise<DocumentLine> {
  const [sub] = t.subscriptionId ? await tx.select().from(subscriptions).where(eq(subscriptions.id, t.subscriptionId)).limit(1) : [];
  const start = sub?.currentPeriodStart ?? t.periodStart;
  const end = sub?.currentPeriodEnd;
  return line({
    kind: "plan",
    description: t.description ?? "Subscription",
    period: start && end ? { start: start.toISOString(), end: end.toISOString() } : null,
    amount: t.amount,
  });
}

/** A coupon's top-up bonus, granted with this payment's credit (its key follows the credit's). */
async function bonusLine(tx: Tx, t: TopUpRow, paymentIntentId: string): Promise<DocumentLine | null> {
  const [bonus] = await tx
    .select({ amount: ledgerTransfers.amount, description: ledgerTransfers.description })
    .from(ledgerTransfers)
    .where(and(inScope(ledgerTransfers, t), eq(ledgerTransfers.idempotencyKey, `bonus:pi:${paymentIntentId}`)))
    .limit(1);
  if (!bonus) return null;
  return line({ kind: "bonus", description: bonus.description ?? "Top-up bonus", quantity: { value: dec(bonus.amount).toString(), unit: t.assetCode }, amount: "0" });
}

/**
 * The lines of a paid top-up or plan charge, at the prices charged (before tax when prices exclude
 * it, tax included when they include it): a custom asset shows units and the price of one unit.
 */
export async function invoiceLines(tx: Tx, t: TopUpRow, paymentIntentId: string): Promise<DocumentLine[]> {
  if (t.origin === "subscription") return [await planLine(tx, t)];
  const auto = t.origin === "auto";
  const lines: DocumentLine[] = [];
  if (isFiat(t.assetCode)) {
    lines.push(line({ kind: "top_up", description: `${auto ? "Automatic wallet top-up" : "Wallet top-up"} (${t.assetCode})`, amount: t.amount }));
  } else {
    const asset = await findAsset(tx, t, t.assetCode);
    const units = dec(t.units);
    lines.push(
      line({
        kind: "top_up",
        description: `${asset?.name ?? t.assetCode}${auto ? " (automatic top-up)" : ""}`,
        quantity: { value: units.toString(), unit: t.assetCode },
        rate: units.gt(0) ? dec(t.amount).dividedBy(units).toSignificantDigits(10).toString() : null,
        amount: t.amount,
      }),
    );
  }
  const bonus = await bonusLine(tx, t, paymentIntentId);
  if (bonus) lines.push(bonus);
  return lines;
}
