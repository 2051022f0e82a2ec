import { and, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/lib/kernel/db";
import { topUps } from "@/lib/kernel/db/schema";
import { now } from "@/lib/kernel/clock";
import { NotFoundError } from "@/lib/kernel/errors";
import { isId } from "@/lib/kernel/ids";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";

export type TopUpRow = typeof topUps.$inferSelect;
export type TopUpStatus = "initiated" | "processing" | "completed" | "failed" | "cancelled" | "expired";
export type TopUpOrigin = "api" | "portal" | "auto" | "subscription";

/**
 * A charge in the top_ups table has a purpose: a plan charge (origin "subscription") pays for a
 * subscription and credits no wallet; every other charge buys wallet units. The table and column keep
 * their first names (renaming them would be a data migration); code asks this instead of the origin.
 */
export function isPlanCharge(charge: Pick<TopUpRow, "origin">): boolean {
  return charge.origin === "subscription";
}

/** How long a Checkout top-up can be paid; Stripe Checkout needs at least 30 minutes. */
export const TOP_UP_LIFETIME_MS = 60 * 60 * 1000;

/** The status as of `at`: an initiated top-up past its expiry is expired even before anything records it. */
export function effectiveStatus(row: Pick<TopUpRow, "status" | "expiresAt">, at: Date = now()): TopUpStatus {
  if (row.status === "initiated" && row.expiresAt && row.expiresAt <= at) return "expired";
  return row.status as TopUpStatus;
}

async function findTopUp(db: DbOrTx, scope: PlatformScope, id: string): Promise<TopUpRow | null> {
  if (!isId("topUp", id)) return null;
  const [row] = await db.select().from(topUps).where(and(inScope(topUps, scope), eq(topUps.id, id))).limit(1);
  return row ?? null;
}

/** @throws NotFoundError for unknown ids and other platforms' top-ups */
export async function getTopUpOrThrow(db: DbOrTx, scope: PlatformScope, id: string): Promise<TopUpRow> {
  const row = await findTopUp(db, scope, id);
  if (!row) throw new NotFoundError("Top-up");
  return row;
}

/** A customer's own top-up: the portal can reach no other. @throws NotFoundError */
export async function getCustomerTopUpOrThrow(db: DbOrTx, scope: PlatformScope & { customerId: string }, id: string): Promise<TopUpRow> {
  const row = await findTopUp(db, scope, id);
  if (!row || row.customerId !== scope.customerId) throw new NotFoundError("Top-up");
  return row;
}

/**
 * Locks a top-up by id for a provider event (verified, so trusted to name it; the row carries its scope).
 * Every change of a top-up's status happens under this lock.
 */
export async function lockTopUp(tx: Tx, id: string): Promise<TopUpRow | null> {
  const [row] = await tx.select().from(topUps).where(eq(topUps.id, id)).limit(1).for("update");
  return row ?? null;
}

export async function findTopUpByPaymentIntent(db: DbOrTx, paymentIntentId: string): Promise<TopUpRow | null> {
  const [row] = await db.select().from(topUps).where(eq(topUps.paymentIntentId, paymentIntentId)).limit(1);
  return row ?? null;
}

/** Updates a top-up and stamps updated_at. */
export async function updateTopUp(db: DbOrTx, id: string, values: Partial<TopUpRow>): Promise<void> {
  await db.update(topUps).set({ ...values, updatedAt: now() }).where(eq(topUps.id, id));
}
