import { and, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { topUps } from "@/lib/db/schema";
import { dec, type Decimal } from "@/lib/money";
import { inScope, type CustomerScope } from "@/lib/scope";

function pendingWhere(scope: CustomerScope, name: string, asset: string): SQL | undefined {
  return and(
    inScope(topUps, scope),
    eq(topUps.customerId, scope.customerId),
    eq(topUps.accountName, name),
    eq(topUps.assetCode, asset),
    inArray(topUps.status, ["initiated", "processing"]),
    or(eq(topUps.status, "processing"), isNull(topUps.expiresAt), gt(topUps.expiresAt, now())),
  );
}

/** Units on their way into an account: top-ups initiated and not expired, or paid and awaiting confirmation. */
export async function pendingTopUps(db: DbOrTx, scope: CustomerScope, name: string, asset: string): Promise<Decimal> {
  const [row] = await db
    .select({ total: sql<string | null>`sum(${topUps.units})::text` })
    .from(topUps)
    .where(pendingWhere(scope, name, asset));
  return dec(row?.total ?? "0");
}

/** The same sum as a scalar subquery (text, NULL for none), for reads that fetch it with other rows in one statement. */
export function pendingTopUpsSql(scope: CustomerScope, name: string, asset: string): SQL<string | null> {
  return sql<string | null>`(SELECT sum(${topUps.units})::text FROM ${topUps} WHERE ${pendingWhere(scope, name, asset)})`;
}
