import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db, Tx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { z } from "zod";
import { payloadScope, payloadText } from "@/lib/kernel/jobs/payload";
import { defineJob } from "@/lib/kernel/jobs/registry";
import { postTransfers } from "@/lib/domain/ledger";
import { accountKey, lockAccounts } from "@/lib/domain/ledger/accounts";
import { dec } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { EXPIRE_GRANT_JOB } from "./types";

const row = z.object({
  customer_id: col.text(),
  account_name: col.text(),
  asset_code: col.text(),
  remaining: col.text(),
  expires_at: col.time().nullable(),
  expired_at: col.time().nullable(),
});

const grantRow = async (tx: Tx, scope: PlatformScope, grantId: string, lock: boolean) =>
  parseRows(
    row,
    await tx.execute(sql`SELECT customer_id, account_name, asset_code, remaining::text, expires_at, expired_at FROM credit_grants
      WHERE id = ${grantId} AND platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} ${lock ? sql`FOR UPDATE` : sql``}`),
  )[0];

/**
 * Expires one grant: posts its remainder out of the wallet to the `expired` system account (category
 * `grant_expiry`, so it shows in transactions) and zeroes it. Both accounts are locked first, in the
 * ledger's id order, so the remainder read is the one the transfer takes. Re-running does nothing.
 * Returns false when the grant is unknown, already expired or not yet due.
 */
export async function expireGrant(db: Db, scope: PlatformScope, grantId: string): Promise<boolean> {
  return withTransaction(db, async (tx) => {
    const first = await grantRow(tx, scope, grantId, false);
    if (!first || first.expired_at || !first.expires_at || new Date(first.expires_at) > now()) return false;
    const wallet = { kind: "wallet" as const, customerId: first.customer_id, name: first.account_name, asset: first.asset_code };
    const expired = { kind: "system" as const, name: "expired" as const, asset: first.asset_code, shardKey: first.customer_id };
    await lockAccounts(tx, scope, [accountKey(wallet), accountKey(expired)]);
    const row = (await grantRow(tx, scope, grantId, true))!;
    if (row.expired_at) return false;
    const remaining = dec(row.remaining);
    let transferId: string | null = null;
    if (remaining.gt(0)) {
      const posted = await postTransfers(tx, scope, [
        {
          idempotencyKey: `exp:${grantId}`,
          category: "grant_expiry",
          asset: row.asset_code,
          amount: remaining,
          from: wallet,
          to: expired,
          customerId: row.customer_id,
          description: "Credits expired",
          reference: { type: "grant", id: grantId },
        },
      ]);
      transferId = posted.transfers[0]!.transferId;
    }
    await tx.execute(sql`UPDATE credit_grants SET remaining = 0, expired_at = ${now().toISOString()}::timestamptz, expiry_transfer_id = ${transferId}
      WHERE id = ${grantId}`);
    return true;
  });
}

export const expireGrantJob = defineJob(EXPIRE_GRANT_JOB, z.object({ ...payloadScope, grantId: payloadText() }), (db, p) =>
  expireGrant(db, { platformId: p.platformId, liveMode: p.liveMode }, p.grantId),
);
