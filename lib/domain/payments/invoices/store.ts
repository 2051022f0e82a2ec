import { and, count, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { invoices } from "@/lib/kernel/db/schema";
import { NotFoundError } from "@/lib/kernel/errors";
import { isId } from "@/lib/kernel/ids";
import { inScope, type CustomerScope, type PlatformScope } from "@/lib/kernel/scope";
import type { InvoiceRow } from "./serialize";

/** @throws NotFoundError for unknown ids and those of another platform, mode or (when given) customer. */
export async function getInvoiceOrThrow(db: DbOrTx, scope: PlatformScope & { customerId?: string }, invoiceId: string): Promise<InvoiceRow> {
  const [row] = isId("invoice", invoiceId)
    ? await db
        .select()
        .from(invoices)
        .where(and(inScope(invoices, scope), eq(invoices.id, invoiceId), scope.customerId ? eq(invoices.customerId, scope.customerId) : undefined))
        .limit(1)
    : [];
  if (!row) throw new NotFoundError("Invoice");
  return row;
}

/** A customer's invoices and credit notes, newest first. */
export async function listInvoices(db: DbOrTx, scope: CustomerScope, paging: { limit: number; offset: number }): Promise<{ rows: InvoiceRow[]; total: number }> {
  const where = and(inScope(invoices, scope), eq(invoices.customerId, scope.customerId));
  const [rows, [total]] = await Promise.all([
    db.select().from(invoices).where(where).orderBy(desc(invoices.issuedAt), desc(invoices.id)).limit(paging.limit).offset(paging.offset),
    db.select({ n: count() }).from(invoices).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
