import { and, count, desc, eq, ne, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { topUps } from "@/lib/kernel/db/schema";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import type { TopUpRow } from "./store";

/**
 * The platform's top-ups, newest first, optionally for one customer (who must exist in scope).
 * @throws NotFoundError
 */
export async function listTopUps(
  db: DbOrTx,
  scope: PlatformScope,
  filter: { customerId?: string; limit: number; offset: number },
): Promise<{ items: TopUpRow[]; total: number }> {
  // Subscription charges share the table (and the payment machinery) but are not top-ups.
  const conditions: SQL[] = [inScope(topUps, scope), ne(topUps.origin, "subscription")];
  if (filter.customerId !== undefined) {
    await getCustomerOrThrow(db, scope, filter.customerId);
    conditions.push(eq(topUps.customerId, filter.customerId));
  }
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db.select().from(topUps).where(where).orderBy(desc(topUps.createdAt), desc(topUps.id)).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(topUps).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
