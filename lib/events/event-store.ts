import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { eventCosts, eventFees, events, vendors } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import { dec, type Decimal } from "@/lib/money";
import { inScope, type PlatformScope } from "@/lib/scope";
import { getCustomerOrThrow } from "@/lib/customers/customer-store";
import type { FeeView } from "./serialize-fee";

// data is read as text so its numbers stay exact (parsed losslessly when serialized).
export const eventColumns = {
  pk: events.pk,
  id: events.id,
  customerId: events.customerId,
  eventType: events.eventType,
  occurredAt: events.occurredAt,
  subject: events.subject,
  description: events.description,
  data: sql<string>`${events.data}::text`,
  status: events.status,
  reason: events.ratingError,
  reasonCode: events.reasonCode,
  createdAt: events.createdAt,
};

export interface EventRow {
  pk: number;
  id: string;
  customerId: string;
  eventType: string;
  occurredAt: Date;
  subject: string | null;
  description: string | null;
  data: string;
  status: string;
  reason: string | null;
  reasonCode: string | null;
  createdAt: Date;
}

export interface CostView {
  id: string | null;
  /** Null (with the name) for an unattributed cost. */
  vendorId: string | null;
  vendorName: string | null;
  amount: Decimal;
  currency: string;
  description: string | null;
  metadata: Record<string, string>;
}

export interface EventDetail {
  event: EventRow;
  fees: FeeView[];
  costs: CostView[];
}

/** The events with their fees and costs, in two queries whatever their number. */
export async function withFeesAndCosts(db: DbOrTx, rows: EventRow[]): Promise<EventDetail[]> {
  if (rows.length === 0) return [];
  const pks = rows.map((r) => Number(r.pk));
  const [fees, costs] = await Promise.all([
    db.select().from(eventFees).where(inArray(eventFees.eventPk, pks)).orderBy(eventFees.id),
    db
      .select({ cost: eventCosts, vendorName: vendors.name })
      .from(eventCosts)
      .leftJoin(vendors, eq(vendors.id, eventCosts.vendorId))
      .where(inArray(eventCosts.eventPk, pks))
      .orderBy(eventCosts.id),
  ]);
  return rows.map((event) => ({
    event,
    fees: fees
      .filter((f) => Number(f.eventPk) === Number(event.pk))
      .map((f) => ({
        amount: dec(f.amount),
        asset: f.assetCode,
        accountName: f.accountName,
        product: { id: f.productId, code: f.productCode, name: f.productName, version: f.productVersion },
        priceId: f.priceId,
        priceName: f.priceName,
        dimensions: f.dimensions,
        quantity: dec(f.quantity),
        unitPrice: f.unitPrice === null ? null : dec(f.unitPrice),
        volumeRate: f.volumeRate === null ? null : dec(f.volumeRate),
        packageSize: f.packageSize === null ? null : dec(f.packageSize),
      })),
    costs: costs
      .filter((c) => Number(c.cost.eventPk) === Number(event.pk))
      .map(({ cost, vendorName }) => ({
        id: cost.costId,
        vendorId: cost.vendorId,
        vendorName,
        amount: dec(cost.amount),
        currency: cost.currency,
        description: cost.description,
        metadata: cost.metadata ?? {},
      })),
  }));
}

/** One event by the platform's id, with its fees and costs. @throws NotFoundError */
export async function getEventOrThrow(db: DbOrTx, scope: PlatformScope, eventId: string): Promise<EventDetail> {
  const rows = await db.select(eventColumns).from(events).where(and(inScope(events, scope), eq(events.id, eventId))).limit(1);
  const [detail] = await withFeesAndCosts(db, rows);
  if (!detail) throw new NotFoundError("Event");
  return detail;
}

/**
 * Events newest first (by occurred_at), optionally of one customer, with fees and costs.
 * @throws NotFoundError when the customer filter names an unknown or foreign customer.
 */
export async function listEvents(db: DbOrTx, scope: PlatformScope, filter: { customerId?: string; limit: number; offset: number }) {
  if (filter.customerId !== undefined) await getCustomerOrThrow(db, scope, filter.customerId);
  const where = filter.customerId === undefined ? inScope(events, scope) : and(inScope(events, scope), eq(events.customerId, filter.customerId));
  const [rows, [total]] = await Promise.all([
    db.select(eventColumns).from(events).where(where).orderBy(sql`${events.occurredAt} DESC`, sql`${events.pk} DESC`).limit(filter.limit).offset(filter.offset),
    db.select({ n: count() }).from(events).where(where),
  ]);
  return { items: await withFeesAndCosts(db, rows), total: total?.n ?? 0 };
}
