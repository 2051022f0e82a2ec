import { and, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { topUps } from "@/lib/kernel/db/schema";
import { dec, type Decimal } from "@/lib/kernel/money";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";

/**
 * A checkout the customer was declined in stays open for another card, but no money is on its way
 * until they try again, so it counts as pending no more than an expired one does. `inFlightOnly` keeps
 * just the payments the bank is still confirming, for the customer's own view of their balance.
 */
function pendingWhere(scope: CustomerScope, account?: { name: string; asset: string }, inFlightOnly = false): SQL | undefined {
  if (inFlightOnly) return and(inScope(topUps, scope), eq(topUps.customerId, scope.customerId), eq(topUps.status, "processing"));
  return and(
    inScope(topUps, scope),
    eq(topUps.customerId, scope.customerId),
    account ? eq(topUps.accountName, account.name) : undefined,
    account ? eq(topUps.assetCode, account.asset) : undefined,
    inArray(topUps.status, ["initiated", "processing"]),
    or(eq(topUps.status, "processing"), and(isNull(topUps.failureCode), or(isNull(topUps.expiresAt), gt(topUps.expiresAt, now())))),
  );
}

/** Map key of an account in `pendingTopUpsByAccount`. */
export const pendingKey = (name: string, asset: string): string => `${name}\u0000${asset}`;

/**
 * Units on their way into each of the customer's accounts, in one query: top-ups initiated and
 * neither expired nor declined, or paid and awaiting confirmation. Accounts with none are absent.
 */
export async function pendingTopUpsByAccount(db: DbOrTx, scope: CustomerScope, { inFlightOnly = false } = {}): Promise<Map<string, Decimal>> {
  const rows = await db
    .select({ name: topUps.accountName, asset: topUps.assetCode, total: sql<string>`sum(${topUps.units})::text` })
    .from(topUps)
    .where(pendingWhere(scope, undefined, inFlightOnly))
    .groupBy(topUps.accountName, topUps.assetCode);
  return new Map(rows.map((r) => [pendingKey(r.name, r.asset), dec(r.total)]));
}

/** One account's pending sum as a scalar subquery (text, NULL for none), for reads that fetch it with other rows. */
export function pendingTopUpsSql(scope: CustomerScope, name: string, asset: string): SQL<string | null> {
  return sql<string | null>`(SELECT sum(${topUps.units})::text FROM ${topUps} WHERE ${pendingWhere(scope, { name, asset })})`;
}

/**
 * Units reserved by an account's active holds (pending_out) as a scalar subquery (text, NULL for none).
 * A hold past its expiry no longer counts, whether or not the expiry job has marked it.
 */
export function activeHoldsSql(): SQL<string | null> {
  // Qualified by hand: drizzle writes a lone column unqualified, which inside the subquery would name the hold's own id.
  return sql<string | null>`(SELECT sum(h.amount)::text FROM wallet_holds h WHERE h.account_id = "ledger_accounts"."id" AND h.status = 'active'
    AND h.expires_at > ${now().toISOString()}::timestamptz)`;
}
