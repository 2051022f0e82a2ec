import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import type { CustomerScope } from "@/lib/kernel/scope";
import { CATEGORY_GROUPS } from "@/lib/domain/wallet/categories";
import { decodeCursor, encodeCursor, type TransactionFilters } from "./filters";
import { toTransactionView, type TransactionRow, type TransactionView } from "./view";

async function assetAccounts(db: DbOrTx, scope: CustomerScope, asset: string): Promise<number[]> {
  const rows = rowsOf<{ id: string | number }>(
    await db.execute(sql`SELECT id FROM ledger_accounts WHERE platform_id = ${scope.platformId}
      AND live_mode = ${scope.liveMode} AND owner = ${scope.customerId} AND asset_code = ${asset}`),
  );
  return rows.map((r) => Number(r.id));
}

function conditions(scope: CustomerScope, filters: TransactionFilters, timeZone: string, accounts: number[] | null): SQL[] {
  const where: SQL[] = [
    sql`e.customer_id = ${scope.customerId}`,
    sql`e.platform_id = ${scope.platformId}`,
    sql`e.live_mode = ${scope.liveMode}`,
  ];
  // One account (the usual case) lets Postgres walk that account's own time index in order.
  if (accounts?.length === 1) where.push(sql`e.account_id = ${accounts[0]!}::bigint`);
  else if (accounts) where.push(sql`e.account_id IN (${sql.join([...accounts.map((a) => sql`${a}::bigint`), sql`-1`], sql`, `)})`);
  if (filters.month) {
    // Month boundaries in the customer's own timezone, computed by Postgres's tz database.
    const start = sql`(${`${filters.month}-01`}::timestamp AT TIME ZONE ${timeZone})`;
    const end = sql`((${`${filters.month}-01`}::timestamp + interval '1 month') AT TIME ZONE ${timeZone})`;
    where.push(sql`e.created_at >= ${start} AND e.created_at < ${end}`);
  }
  const cursor = decodeCursor(filters.cursor);
  if (cursor) where.push(sql`(e.created_at, e.id) < (${cursor.createdAt.toISOString()}::timestamptz, ${cursor.id}::bigint)`);
  return where;
}

function pageQuery(where: SQL[], limit: number): SQL {
  return sql`SELECT e.id, e.created_at FROM ledger_entries e WHERE ${sql.join(where, sql` AND `)}
    ORDER BY e.created_at DESC, e.id DESC LIMIT ${limit}`;
}

/**
 * One page of the customer's movements across all wallet accounts, newest first, with keyset
 * pagination on (created_at, id): pages stay stable while new rows arrive above them, and any
 * depth costs the same. A category group with several ledger categories runs one index range
 * per category and merges them, so no filter falls back to sorting the whole history.
 */
export async function listTransactions(
  db: DbOrTx,
  scope: CustomerScope,
  filters: TransactionFilters,
  timeZone: string,
): Promise<{ items: TransactionView[]; nextCursor: string | null }> {
  const accounts = filters.asset ? await assetAccounts(db, scope, filters.asset) : null;
  const where = conditions(scope, filters, timeZone, accounts);
  const take = filters.limit + 1;
  const categories = filters.category ? CATEGORY_GROUPS[filters.category].categories : null;
  const ids = categories
    ? sql`SELECT * FROM (${sql.join(
        categories.map((c) => sql`(${pageQuery([...where, sql`e.category = ${c}`], take)})`),
        sql` UNION ALL `,
      )}) ids ORDER BY created_at DESC, id DESC LIMIT ${take}`
    : pageQuery(where, take);
  const rows = rowsOf<TransactionRow>(
    await db.execute(sql`
      SELECT e.id, e.created_at, e.category, e.asset_code, e.amount, e.balance_after, a.name AS account_name,
        t.id AS transfer_id, t.description, t.reference_type, t.reference_id, ev.occurred_at AS used_at
      FROM (${ids}) page
      JOIN ledger_entries e ON e.id = page.id
      JOIN ledger_transfers t ON t.id = e.transfer_id
      JOIN ledger_accounts a ON a.id = e.account_id
      LEFT JOIN events ev ON t.reference_type = 'event' AND ev.platform_id = t.platform_id AND ev.live_mode = t.live_mode AND ev.id = t.reference_id
      ORDER BY e.created_at DESC, e.id DESC`),
  );
  const items = rows.slice(0, filters.limit).map(toTransactionView);
  const last = rows.length > filters.limit ? rows[filters.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor({ createdAt: new Date(last.created_at), id: Number(last.id) }) : null };
}
