import { z } from "zod";
import { sql, type SQL } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import { GRANT_CONSUMPTION_ORDER } from "@/lib/domain/ledger/grant-consumption";
import { dec } from "@/lib/kernel/money";
import type { CustomerScope } from "@/lib/kernel/scope";
import { formatAccountId } from "@/lib/domain/wallet/account-id";
import { getWalletAccountOrThrow } from "@/lib/domain/wallet/get-wallet";

const grantRow = z.object({
  id: col.text(),
  account_name: col.text(),
  asset_code: col.text(),
  purpose: col.text(),
  source: col.text(),
  source_id: col.text(),
  amount: col.text(),
  remaining: col.text(),
  effective_at: col.time(),
  expires_at: col.time().nullable(),
  expired_at: col.time().nullable(),
  created_at: col.time(),
  total: col.count(),
});
type Row = z.output<typeof grantRow>;

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** The API shape of a grant (Credyt: id, purpose, amount, remaining, effective and expiry times, source). */
function serializeGrant(r: Row) {
  return {
    id: r.id,
    account_id: formatAccountId(r.account_name, r.asset_code),
    asset: r.asset_code,
    purpose: r.purpose,
    amount: dec(r.amount),
    remaining: dec(r.remaining),
    effective_at: iso(r.effective_at),
    expires_at: iso(r.expires_at),
    expired_at: iso(r.expired_at),
    source: { type: r.source, id: r.source_id },
    created_at: iso(r.created_at),
  };
}

async function selectGrants(db: DbOrTx, scope: CustomerScope, where: SQL, paging: { limit: number; offset: number }) {
  const rows = parseRows(
    grantRow,
    await db.execute(sql`
      SELECT id, account_name, asset_code, purpose, source, source_id, amount::text, remaining::text, effective_at, expires_at,
        expired_at, created_at, count(*) OVER () AS total
      FROM credit_grants
      WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND customer_id = ${scope.customerId} AND ${where}
      ORDER BY (remaining > 0) DESC, ${GRANT_CONSUMPTION_ORDER}
      LIMIT ${paging.limit} OFFSET ${paging.offset}`),
  );
  return { items: rows.map(serializeGrant), total: rows[0]?.total ?? 0 };
}

/**
 * One wallet account's grants: those with credits left first, in consumption order, then the used up
 * and expired ones. Offset-paged. @throws NotFoundError (account)
 */
export async function listAccountGrants(db: DbOrTx, scope: CustomerScope, accountId: string, paging: { limit: number; offset: number }) {
  const account = await getWalletAccountOrThrow(db, scope, accountId);
  return selectGrants(db, scope, sql`account_id = ${account.ledgerId}`, paging);
}

/** A customer's grants that still hold credits, every account, in consumption order: the portal's credit timeline. */
export async function listLiveGrants(db: DbOrTx, scope: CustomerScope) {
  return (await selectGrants(db, scope, sql`remaining > 0`, { limit: 500, offset: 0 })).items;
}

/** Credits expiring within `days`, per asset and expiry day, soonest first: what the portal's banner announces. */
export async function expiringCredits(db: DbOrTx, scope: CustomerScope, days = 7) {
  const until = new Date(now().getTime() + days * 86_400_000);
  const rows = parseRows(z.object({ asset_code: col.text(), remaining: col.text(), expires_at: col.time() }), await db.execute(sql`
      SELECT asset_code, sum(remaining)::text AS remaining, min(expires_at) AS expires_at FROM credit_grants
      WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND customer_id = ${scope.customerId}
        AND remaining > 0 AND expires_at IS NOT NULL AND expires_at <= ${until.toISOString()}::timestamptz
      GROUP BY asset_code, date_trunc('day', expires_at AT TIME ZONE 'UTC') ORDER BY min(expires_at), asset_code`)
  );
  return rows.map((r) => ({ asset: r.asset_code, amount: dec(r.remaining), expires_at: iso(r.expires_at)! }));
}
