import { sql } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/kernel/clock";
import type { Db, Tx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import { payloadScope, payloadText } from "@/lib/kernel/jobs/payload";
import { defineJob } from "@/lib/kernel/jobs/registry";
import type { CustomerScope, PlatformScope } from "@/lib/kernel/scope";
import { requireAsset } from "@/lib/domain/assets/find-asset";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { accountKey, keyString, lockAccounts } from "@/lib/domain/ledger/accounts";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import { DEFAULT_ACCOUNT } from "@/lib/domain/wallet/account-id";
import { BudgetExceededError, InsufficientFundsError } from "./errors";
import { lockedGuardStates, overLimit } from "./guard-state";
import { findHoldRow, HOLD_COLUMNS, toHold, type Hold, type HoldRow } from "./hold-views";
import { earlierHold, holdIdempotency } from "./hold-idempotency";
import type { CreateHoldInput } from "./schemas";

const MAX_HOLD_MS = 7 * 24 * 3600_000;
export const EXPIRE_HOLD_JOB = "guardrails.expire_hold";

/** Marks the customer so event ingest screens their usage; never unset, as budgets and holds come and go. */
export async function markGuarded(tx: Tx, scope: CustomerScope): Promise<void> {
  await tx.execute(sql`UPDATE customers SET guarded = true WHERE id = ${scope.customerId} AND platform_id = ${scope.platformId}
    AND live_mode = ${scope.liveMode} AND NOT guarded`);
}

function checkExpiry(expiresAt: Date, at: Date): void {
  if (expiresAt <= at) throw ValidationError.field("expires_at", "Must be in the future.");
  if (expiresAt.getTime() - at.getTime() > MAX_HOLD_MS) throw ValidationError.field("expires_at", "At most 7 days ahead.");
}

/**
 * Reserves funds for work in flight, under the wallet account's row lock (the lock every posting to it
 * takes), so the checks and the new hold are one step however many holds and events race. A request
 * repeating an earlier one's Idempotency-Key gets that hold back (`replayed`), checked and reserved once.
 * @throws NotFoundError (customer), ValidationError, BudgetExceededError (hard stop), InsufficientFundsError (no overdraft
 * for the asset), IdempotencyMismatchError (the key came with a different request)
 */
export async function createHold(
  db: Db,
  scope: PlatformScope,
  customerId: string,
  input: CreateHoldInput,
  idempotencyKey: string | null = null,
): Promise<{ hold: Hold; replayed: boolean }> {
  const idempotency = holdIdempotency(idempotencyKey, customerId, input);
  await getCustomerOrThrow(db, scope, customerId);
  await requireAsset(db, scope, input.asset, "asset");
  const at = now();
  checkExpiry(input.expires_at, at);
  const owned = { ...scope, customerId };
  return withTransaction(db, async (tx) => {
    const key = accountKey({ kind: "wallet", customerId, name: DEFAULT_ACCOUNT, asset: input.asset });
    const account = (await lockAccounts(tx, scope, [key])).get(keyString(key))!;
    const earlier = idempotency && (await earlierHold(tx, scope, idempotency));
    if (earlier) return { hold: toHold(earlier, at), replayed: true };
    await markGuarded(tx, owned);
    const state = (await lockedGuardStates(tx, scope, [account.id], at)).get(account.id)!;
    if (overLimit(state, input.amount)) throw new BudgetExceededError();
    const settings = await getPlatformSettings(tx, scope);
    if (settings.guardrails.holds.noOverdraftAssets.includes(input.asset) && account.balance.minus(state.held).lt(input.amount)) {
      throw new InsufficientFundsError(input.asset);
    }
    const id = newId("hold");
    const [row] = rowsOf<HoldRow>(
      await tx.execute(sql`INSERT INTO wallet_holds (id, platform_id, live_mode, account_id, customer_id, account_name, asset_code, amount, subject, description,
          status, expires_at, idempotency_key, request_hash, created_at)
        VALUES (${id}, ${scope.platformId}, ${scope.liveMode}, ${account.id}, ${customerId}, ${DEFAULT_ACCOUNT}, ${input.asset}, ${input.amount.toString()},
          ${input.subject ?? null}, ${input.description ?? null}, 'active', ${input.expires_at.toISOString()}::timestamptz,
          ${idempotency?.key ?? null}, ${idempotency?.hash ?? null}, ${at.toISOString()}::timestamptz)
        ON CONFLICT (platform_id, live_mode, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
        RETURNING ${HOLD_COLUMNS}`),
    );
    // The same key raced in on another account's lock: that request won, and this one replays (or mismatches) it.
    if (!row) return { hold: toHold((await earlierHold(tx, scope, idempotency!))!, at), replayed: true };
    await enqueueJob(tx, { kind: EXPIRE_HOLD_JOB, payload: { ...scope, holdId: id }, runAt: input.expires_at, uniqueKey: `hold-expiry:${id}` });
    return { hold: toHold(row, at), replayed: false };
  });
}

/**
 * Ends an active hold as `released` (or `expired` when `expire`) under its account's row lock. A hold
 * already settled, released or expired is returned as it is: releasing is idempotent.
 * @throws NotFoundError for an unknown hold or (with a customer) another customer's
 */
async function endHold(db: Db, scope: PlatformScope, holdId: string, customerId: string | null, expire: boolean): Promise<Hold> {
  return withTransaction(db, async (tx) => {
    const first = await findHoldRow(tx, scope, holdId);
    if (!first || (customerId !== null && first.customer_id !== customerId)) throw new NotFoundError("Hold");
    await lockAccounts(tx, scope, [accountKey({ kind: "wallet", customerId: first.customer_id, name: first.account_name, asset: first.asset_code })]);
    const at = now();
    const status = expire ? "expired" : "released";
    const due = expire ? sql`AND expires_at <= ${at.toISOString()}::timestamptz` : sql``;
    const [ended] = rowsOf<HoldRow>(
      await tx.execute(sql`UPDATE wallet_holds SET status = ${status}, resolved_at = ${at.toISOString()}::timestamptz
        WHERE id = ${holdId} AND status = 'active' ${due} RETURNING ${HOLD_COLUMNS}`),
    );
    return toHold(ended ?? (await findHoldRow(tx, scope, holdId))!, at);
  });
}

/** DELETE …/holds/{holdId}: releases the reserved funds. @throws NotFoundError */
export function releaseHold(db: Db, scope: CustomerScope, holdId: string): Promise<Hold> {
  return endHold(db, scope, holdId, scope.customerId, false);
}

/** Marks a hold past its expiry as expired; reads already treat it as inactive, so this only tidies the row. */
export const expireHoldJob = defineJob(EXPIRE_HOLD_JOB, z.object({ ...payloadScope, holdId: payloadText() }), async (db, p) => {
  try {
    await endHold(db, { platformId: p.platformId, liveMode: p.liveMode }, p.holdId, null, true);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
});
