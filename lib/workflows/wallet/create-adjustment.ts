import { requestDigest } from "@/lib/kernel/idempotency";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { IdempotencyMismatchError, ValidationError } from "@/lib/kernel/errors";
import { requireAsset } from "@/lib/domain/assets/find-asset";
import { postGrant } from "@/lib/domain/grants/create-grant";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { afterDebit, postTransfers, type SystemAccountName, type TransferCategory, type TransferInput } from "@/lib/domain/ledger";
import type { PlatformScope } from "@/lib/kernel/scope";
import { DEFAULT_ACCOUNT } from "@/lib/domain/wallet/account-id";
import type { CreateAdjustmentInput } from "./adjustment-schema";

type Sign = "positive" | "negative" | "any";

const REASONS: Record<CreateAdjustmentInput["reason"], { system: SystemAccountName; category: TransferCategory; sign: Sign }> = {
  external_topup: { system: "funding", category: "top_up", sign: "positive" },
  external_refund: { system: "refunds", category: "refund", sign: "negative" },
  gift: { system: "promotions", category: "gift", sign: "positive" },
  promotional: { system: "promotions", category: "promotional", sign: "positive" },
  adjustment: { system: "adjustments", category: "adjustment", sign: "any" },
};

/** Stable hash of what the adjustment asks for, to tell an exact retry from a conflicting reuse of its id. */
function requestHash(customerId: string, input: CreateAdjustmentInput): string {
  return requestDigest([
    customerId,
    input.account_name ?? DEFAULT_ACCOUNT,
    input.asset,
    input.amount.toString(),
    input.reason,
    input.description ?? null,
    input.expires_at?.toISOString() ?? null,
    Object.entries(input.metadata ?? {}).sort(([a], [b]) => a.localeCompare(b)),
  ]);
}

function checkSign(input: CreateAdjustmentInput, sign: Sign): void {
  if (input.expires_at && input.amount.lt(0)) throw ValidationError.field("expires_at", "Only credits expire: leave it out for a debit.");
  if (input.expires_at && input.expires_at <= now()) throw ValidationError.field("expires_at", "Must be in the future.");
  if (sign === "positive" && input.amount.lt(0)) {
    throw ValidationError.field("amount", `Must be positive for reason '${input.reason}'.`);
  }
  if (sign === "negative" && input.amount.gt(0)) {
    throw ValidationError.field("amount", "Refunds are negative adjustments: send the amount with a minus sign.");
  }
}

export interface AdjustmentResult {
  id: string;
  createdAt: Date;
  replayed: boolean;
}

/**
 * Credits or debits a wallet account outside usage. The transaction_id is the idempotency key:
 * the same body again returns the original result and writes nothing; a different body is refused.
 * @throws NotFoundError (customer), ValidationError, IdempotencyMismatchError
 */
export async function createAdjustment(
  db: Db,
  scope: PlatformScope,
  customerId: string,
  input: CreateAdjustmentInput,
): Promise<AdjustmentResult> {
  await getCustomerOrThrow(db, scope, customerId);
  await requireAsset(db, scope, input.asset, "asset");
  const rule = REASONS[input.reason];
  checkSign(input, rule.sign);
  const wallet = { kind: "wallet" as const, customerId, name: input.account_name ?? DEFAULT_ACCOUNT, asset: input.asset };
  const system = { kind: "system" as const, name: rule.system, asset: input.asset, shardKey: customerId };
  const credit = input.amount.gt(0);
  const hash = requestHash(customerId, input);
  const transfer: TransferInput = {
    idempotencyKey: `adj:${input.transaction_id}`,
    category: rule.category,
    asset: input.asset,
    amount: input.amount.abs(),
    from: credit ? system : wallet,
    to: credit ? wallet : system,
    customerId,
    description: input.description ?? null,
    reference: { type: "adjustment", id: input.transaction_id },
    metadata: input.metadata ?? null,
    requestHash: hash,
  };
  const result = await withTransaction(db, async (tx) => {
    if (!credit || !input.expires_at) return postTransfers(tx, scope, [transfer]);
    // An expiring credit is a grant: paid for external top-ups, promotional for the other reasons.
    const purpose = input.reason === "external_topup" ? "paid" : "promotional";
    return (await postGrant(tx, scope, transfer, { purpose, source: "adjustment", sourceId: input.transaction_id, expiresAt: input.expires_at })).result;
  });
  const posted = result.transfers[0]!;
  if (!posted.created && posted.requestHash !== hash) throw new IdempotencyMismatchError("transaction_id");
  await afterDebit(db, scope, result.debited);
  return { id: input.transaction_id, createdAt: posted.createdAt, replayed: !posted.created };
}
