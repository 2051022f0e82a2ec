import { and, count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { customers } from "@/lib/kernel/db/schema";
import { NotFoundError } from "@/lib/kernel/errors";
import { isId } from "@/lib/kernel/ids";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";

export type CustomerRow = typeof customers.$inferSelect;

async function findCustomer(db: DbOrTx, scope: PlatformScope, customerId: string): Promise<CustomerRow | null> {
  if (!isId("customer", customerId)) return null;
  const [row] = await db.select().from(customers).where(and(inScope(customers, scope), eq(customers.id, customerId))).limit(1);
  return row ?? null;
}

/** @throws NotFoundError for unknown ids and ids of another platform or mode. */
export async function getCustomerOrThrow(db: DbOrTx, scope: PlatformScope, customerId: string): Promise<CustomerRow> {
  const row = await findCustomer(db, scope, customerId);
  if (!row) throw new NotFoundError("Customer");
  return row;
}

/** @throws NotFoundError */
export async function getCustomerByExternalIdOrThrow(db: DbOrTx, scope: PlatformScope, externalId: string): Promise<CustomerRow> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(inScope(customers, scope), eq(customers.externalId, externalId)))
    .limit(1);
  if (!row) throw new NotFoundError("Customer");
  return row;
}

export async function listCustomers(db: DbOrTx, scope: PlatformScope, paging: { limit: number; offset: number }) {
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(customers)
      .where(inScope(customers, scope))
      .orderBy(desc(customers.createdAt), desc(customers.id))
      .limit(paging.limit)
      .offset(paging.offset),
    db.select({ n: count() }).from(customers).where(inScope(customers, scope)),
  ]);
  return { rows, total: total?.n ?? 0 };
}
