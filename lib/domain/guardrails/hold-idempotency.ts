import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { IdempotencyMismatchError } from "@/lib/kernel/errors";
import { idempotencyKeyOf, requestDigest } from "@/lib/kernel/idempotency";
import type { PlatformScope } from "@/lib/kernel/scope";
import { HOLD_COLUMNS, type HoldRow } from "./hold-views";
import type { CreateHoldInput } from "./schemas";

/** The caller's Idempotency-Key with the digest of the request it names; null when the POST carried none. */
export interface HoldIdempotency {
  key: string;
  hash: string;
}

/**
 * Reads the Idempotency-Key of a hold request. The digest covers the customer and every field, so a
 * retry replays the hold and a different request under the same key is refused.
 * @throws ValidationError (header longer than 255 or empty)
 */
export function holdIdempotency(key: string | null, customerId: string, input: CreateHoldInput): HoldIdempotency | null {
  const checked = idempotencyKeyOf(key);
  if (checked === null) return null;
  return { key: checked, hash: requestDigest([customerId, input.asset, input.amount.toString(), input.subject ?? null, input.description ?? null, input.expires_at.toISOString()]) };
}

/**
 * The hold an earlier request with this key created, if any.
 * @throws IdempotencyMismatchError when that request differed from this one
 */
export async function earlierHold(tx: Tx, scope: PlatformScope, idempotency: HoldIdempotency): Promise<HoldRow | null> {
  const [row] = rowsOf<HoldRow & { request_hash: string }>(
    await tx.execute(sql`SELECT ${HOLD_COLUMNS}, request_hash FROM wallet_holds
      WHERE platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode} AND idempotency_key = ${idempotency.key}`),
  );
  if (!row) return null;
  if (row.request_hash !== idempotency.hash) throw new IdempotencyMismatchError("Idempotency-Key");
  return row;
}
