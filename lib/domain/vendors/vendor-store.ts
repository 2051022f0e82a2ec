import { and, count, desc, eq, inArray, or } from "drizzle-orm";
import type { Db, DbOrTx } from "@/lib/kernel/db";
import { vendors } from "@/lib/kernel/db/schema";
import { insertUnique } from "@/lib/kernel/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { isId, newId } from "@/lib/kernel/ids";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import type { CreateVendorInput } from "./schemas";

export type VendorRow = typeof vendors.$inferSelect;

export function serializeVendor(row: VendorRow) {
  return { id: row.id, name: row.name, external_id: row.externalId, created_at: row.createdAt.toISOString() };
}

/** @throws ValidationError for a duplicate external_id. */
export async function createVendor(db: Db, scope: PlatformScope, input: CreateVendorInput): Promise<VendorRow> {
  const duplicate = () => ValidationError.field("external_id", "A vendor with this external_id already exists.");
  return insertUnique(
    () => db.insert(vendors).values({ id: newId("vendor"), ...scope, name: input.name, externalId: input.external_id ?? null }).onConflictDoNothing().returning(),
    duplicate,
  );
}

/** @throws NotFoundError */
export async function getVendorOrThrow(db: DbOrTx, scope: PlatformScope, vendorId: string): Promise<VendorRow> {
  const [row] = isId("vendor", vendorId)
    ? await db.select().from(vendors).where(and(inScope(vendors, scope), eq(vendors.id, vendorId))).limit(1)
    : [];
  if (!row) throw new NotFoundError("Vendor");
  return row;
}

/** @throws NotFoundError */
export async function getVendorByExternalIdOrThrow(db: DbOrTx, scope: PlatformScope, externalId: string): Promise<VendorRow> {
  const [row] = await db.select().from(vendors).where(and(inScope(vendors, scope), eq(vendors.externalId, externalId))).limit(1);
  if (!row) throw new NotFoundError("Vendor");
  return row;
}

export async function listVendors(db: DbOrTx, scope: PlatformScope, paging: { limit: number; offset: number }) {
  const [rows, [total]] = await Promise.all([
    db.select().from(vendors).where(inScope(vendors, scope)).orderBy(desc(vendors.createdAt), desc(vendors.id)).limit(paging.limit).offset(paging.offset),
    db.select({ n: count() }).from(vendors).where(inScope(vendors, scope)),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Vendors referenced by id or external id, in one query; keys are `id:<id>` and `ext:<external id>`. */
export async function resolveVendors(db: DbOrTx, scope: PlatformScope, ids: string[], externalIds: string[]): Promise<Map<string, VendorRow>> {
  const out = new Map<string, VendorRow>();
  const validIds = ids.filter((id) => isId("vendor", id));
  if (validIds.length === 0 && externalIds.length === 0) return out;
  const match = [validIds.length > 0 ? inArray(vendors.id, validIds) : undefined, externalIds.length > 0 ? inArray(vendors.externalId, externalIds) : undefined];
  const rows = await db.select().from(vendors).where(and(inScope(vendors, scope), or(...match)));
  for (const row of rows) {
    out.set(`id:${row.id}`, row);
    if (row.externalId !== null) out.set(`ext:${row.externalId}`, row);
  }
  return out;
}

/**
 * Registers, on first sight, the vendors that costs cite by an external id no vendor has yet, named
 * after that id; returns the vendor id of each. Concurrent registrations of one id meet on the unique
 * index: the loser reads the winner's row.
 */
export async function registerVendors(tx: DbOrTx, scope: PlatformScope, externalIds: string[]): Promise<Map<string, string>> {
  if (externalIds.length === 0) return new Map();
  const sorted = [...externalIds].sort();
  await tx
    .insert(vendors)
    .values(sorted.map((externalId) => ({ id: newId("vendor"), ...scope, name: externalId, externalId })))
    .onConflictDoNothing();
  const rows = await tx.select({ id: vendors.id, externalId: vendors.externalId }).from(vendors).where(and(inScope(vendors, scope), inArray(vendors.externalId, sorted)));
  return new Map(rows.map((r) => [r.externalId!, r.id]));
}
