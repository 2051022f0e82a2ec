import { and, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { now } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { topUps } from "@/lib/db/schema";
import { dec, type Decimal } from "@/lib/money";
import { inScope, type CustomerScope } from "@/lib/scope";

/** Units on their way into an account: top-ups initiated and not expired, or paid and awaiting confirmation. */
export async function pendingTopUps(db: DbOrTx, scope: CustomerScope, name: string, asset: string): Promise<Decimal> {
  const [row] = await db
    .select({ total: sql<string | null>`sum(${topUps.units})::text` })
    .from(topUps)
    .where(
      and(
        inScope(topUps, scope),
        eq(topUps.customerId, scope.customerId),
        eq(topUps.accountName, name),
        eq(topUps.assetCode, asset),
        inArray(topUps.status, ["initiated", "processing"]),
        or(eq(topUps.status, "processing"), isNull(topUps.expiresAt), gt(topUps.expiresAt, now())),
      ),
    );
  return dec(row?.total ?? "0");
}
