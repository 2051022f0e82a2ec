import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { NotFoundError } from "@/lib/kernel/errors";
import { dec, type Decimal } from "@/lib/kernel/money";
import type { CustomerScope, PlatformScope } from "@/lib/kernel/scope";
import { formatAccountId } from "@/lib/domain/wallet/account-id";

export type HoldStatus = "active" | "settled" | "released" | "expired";

export interface HoldRow {
  id: string;
  account_id: string | number;
  customer_id: string;
  account_name: string;
  asset_code: string;
  amount: string;
  subject: string | null;
  description: string | null;
  status: HoldStatus;
  expires_at: Date | string;
  settled_amount: string | null;
  event_id: string | null;
  resolved_at: Date | string | null;
  created_at: Date | string;
}

export interface Hold {
  id: string;
  ledgerAccountId: number;
  customerId: string;
  accountId: string;
  asset: string;
  amount: Decimal;
  subject: string | null;
  description: string | null;
  /** As of now: an active hold past its expiry reads as expired before the expiry job marks it. */
  status: HoldStatus;
  expiresAt: Date;
  settledAmount: Decimal | null;
  eventId: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}

const date = (v: Date | string) => (v instanceof Date ? v : new Date(v));

export const HOLD_COLUMNS = sql.raw(`id, account_id, customer_id, account_name, asset_code, amount::text AS amount, subject, description, status,
  expires_at, settled_amount::text AS settled_amount, event_id, resolved_at, created_at`);

export function toHold(r: HoldRow, at: Date = now()): Hold {
  const expiresAt = date(r.expires_at);
  const lapsed = r.status === "active" && expiresAt <= at;
  return {
    id: r.id,
    ledgerAccountId: Number(r.account_id),
    customerId: r.customer_id,
    accountId: formatAccountId(r.account_name, r.asset_code),
    asset: r.asset_code,
    amount: dec(r.amount),
    subject: r.subject,
    description: r.description,
    status: lapsed ? "expired" : r.status,
    expiresAt,
    settledAmount: r.settled_amount === null ? null : dec(r.settled_amount),
    eventId: r.event_id,
    resolvedAt: r.resolved_at === null ? (lapsed ? expiresAt : null) : date(r.resolved_at),
    createdAt: date(r.created_at),
  };
}

/** The API shape of a hold. */
export function serializeHold(h: Hold) {
  return {
    id: h.id,
    customer_id: h.customerId,
    account_id: h.accountId,
    asset: h.asset,
    amount: h.amount,
    subject: h.subject,
    description: h.description,
    status: h.status,
    expires_at: h.expiresAt.toISOString(),
    settled_amount: h.settledAmount,
    event_id: h.eventId,
    resolved_at: h.resolvedAt?.toISOString() ?? null,
    created_at: h.createdAt.toISOString(),
  };
}

/** A hold of the platform's, by id, or null; `lock` takes its row lock (the caller already holds its account's). */
export async function findHoldRow(db: DbOrTx, scope: PlatformScope, holdId: string, lock = false): Promise<HoldRow | null> {
  const rows = rowsOf<HoldRow>(
    await db.execute(sql`SELECT ${HOLD_COLUMNS} FROM wallet_holds WHERE id = ${holdId} AND platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode}
      ${lock ? sql`FOR UPDATE` : sql``}`),
  );
  return rows[0] ?? null;
}

/** @throws NotFoundError for an unknown hold or another customer's */
export async function getHoldOrThrow(db: DbOrTx, scope: CustomerScope, holdId: string): Promise<Hold> {
  const row = await findHoldRow(db, scope, holdId);
  if (!row || row.customer_id !== scope.customerId) throw new NotFoundError("Hold");
  return toHold(row);
}

/** The customer's holds, newest first; `activeOnly` keeps the work still in flight. */
export async function listHolds(db: DbOrTx, scope: CustomerScope, paging: { limit: number; offset: number }, activeOnly = false) {
  const at = now().toISOString();
  const active = activeOnly ? sql`AND status = 'active' AND expires_at > ${at}::timestamptz` : sql``;
  const rows = rowsOf<HoldRow & { total: string | number }>(
    await db.execute(sql`SELECT ${HOLD_COLUMNS}, count(*) OVER () AS total FROM wallet_holds
      WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND customer_id = ${scope.customerId} ${active}
      ORDER BY created_at DESC, id DESC LIMIT ${paging.limit} OFFSET ${paging.offset}`),
  );
  const total = rows[0] ? Number(rows[0].total) : 0;
  return { items: rows.map((r) => toHold(r)), total };
}
