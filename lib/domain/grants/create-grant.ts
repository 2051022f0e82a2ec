import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Tx } from "@/lib/kernel/db";
import { newId } from "@/lib/kernel/ids";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import { postTransfers, type PostResult, type TransferInput } from "@/lib/domain/ledger";
import type { PlatformScope } from "@/lib/kernel/scope";
import { scheduleExpiringNotice } from "./expiring-notice";
import { EXPIRE_GRANT_JOB, type GrantPurpose, type GrantSource } from "./types";

/** Paid credits (top-ups) expire one year after they are credited unless the top-up says otherwise. */
export function paidCreditExpiry(creditedAt: Date): Date {
  const d = new Date(creditedAt);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d;
}

export interface GrantSpec {
  purpose: GrantPurpose;
  source: GrantSource;
  sourceId: string;
  expiresAt: Date | null;
  effectiveAt?: Date;
}

/**
 * Records the grant of a credit transfer just posted to a wallet. Its remaining amount starts at the
 * amount, less whatever part of it went to pay back an overdraft (the account's balance is already
 * updated and locked), so grants never hold more than a positive balance. The expiry job is queued
 * in the same transaction.
 */
async function insertGrant(tx: Tx, scope: PlatformScope, transfer: TransferInput, transferId: string, spec: GrantSpec): Promise<string> {
  if (transfer.to.kind !== "wallet") throw new Error("a grant is credited to a wallet account");
  const id = newId("grant");
  const amount = transfer.amount.toString();
  await tx.execute(sql`
    INSERT INTO credit_grants (id, platform_id, live_mode, account_id, customer_id, account_name, asset_code, purpose, source,
      source_id, transfer_id, amount, remaining, effective_at, expires_at)
    SELECT ${id}, a.platform_id, a.live_mode, a.id, a.owner, a.name, a.asset_code, ${spec.purpose}, ${spec.source}, ${spec.sourceId},
      ${transferId}, ${amount}::numeric,
      least(${amount}::numeric, greatest(0, a.balance - coalesce((SELECT sum(remaining) FROM credit_grants g WHERE g.account_id = a.id AND g.remaining > 0), 0))),
      ${(spec.effectiveAt ?? now()).toISOString()}::timestamptz, ${spec.expiresAt?.toISOString() ?? null}::timestamptz
    FROM ledger_accounts a
    WHERE a.platform_id = ${scope.platformId} AND a.live_mode = ${scope.liveMode} AND a.owner = ${transfer.to.customerId}
      AND a.name = ${transfer.to.name} AND a.asset_code = ${transfer.asset} AND a.shard = 0`);
  if (spec.expiresAt) {
    await enqueueJob(tx, { kind: EXPIRE_GRANT_JOB, payload: { ...scope, grantId: id }, runAt: spec.expiresAt, uniqueKey: `grant-expire:${id}` });
    await scheduleExpiringNotice(tx, scope, id, spec.expiresAt);
  }
  return id;
}

/**
 * Posts a credit to a wallet and records it as a grant, in the caller's transaction. Idempotent with
 * the transfer: a replayed idempotency key posts nothing and creates no second grant (grantId null).
 */
export async function postGrant(tx: Tx, scope: PlatformScope, transfer: TransferInput, spec: GrantSpec): Promise<{ result: PostResult; grantId: string | null }> {
  const result = await postTransfers(tx, scope, [transfer]);
  const posted = result.transfers[0]!;
  if (!posted.created) return { result, grantId: null };
  return { result, grantId: await insertGrant(tx, scope, transfer, posted.transferId, spec) };
}
