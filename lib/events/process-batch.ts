import type { Db } from "@/lib/db";
import { withTransaction } from "@/lib/db/transaction";
import { NotFoundError } from "@/lib/errors";
import { loadRatedProducts } from "@/lib/catalog/rated-products";
import { postTransfers, type AccountState } from "@/lib/ledger";
import type { PlatformScope } from "@/lib/scope";
import { resolveVendors } from "@/lib/vendors/vendor-store";
import { formatAccountId } from "@/lib/wallet/account-id";
import type { Settled } from "./coalescer";
import { debitKey, debitsFor } from "./debits";
import { planBatch, vendorRefs } from "./plan-batch";
import { resolveCustomers } from "./resolve-customers";
import type { Candidate, EventOutcome, IngestRequest, IngestResult } from "./types";
import { insertCosts, insertEvents, insertFees } from "./write-events";

export interface BatchResult {
  results: Settled<IngestResult>[];
  /** Wallet accounts debited, with their balances after the commit: what the after-debit hook is told. */
  debited: AccountState[];
}

function outcomeOf(c: Candidate): EventOutcome {
  const id = c.input.id;
  if (c.rating.status === "billed") return { id, status: "accepted", fees: c.rating.fees };
  if (c.rating.status === "rating_error") return { id, status: "unbilled", code: "rating_error", reason: c.rating.reason };
  return { id, status: "unbilled", code: c.rating.code, reason: c.rating.reason };
}

/**
 * Ingests several requests of one platform in one transaction: a few set-based statements whatever
 * the number of events (customers and subscriptions, events, account locks, transfers, entries and
 * balances, fees, costs). Each event is stored and its fees debited in the same transaction, or
 * neither. `backdate` dates the events and ledger rows at each event's occurred_at (demo seed only).
 */
export async function processBatch(db: Db, scope: PlatformScope, requests: IngestRequest[], options: { backdate?: boolean } = {}): Promise<BatchResult> {
  const backdate = options.backdate === true;
  return withTransaction(db, async (tx) => {
    const customers = await resolveCustomers(tx, scope, requests);
    const refs = customers.flatMap((c) => c?.versions ?? []);
    const products = await loadRatedProducts(tx, scope, refs);
    const { ids, externalIds } = vendorRefs(requests);
    const vendors = await resolveVendors(tx, scope, ids, externalIds);
    const plan = planBatch(requests, customers, products, vendors);
    const pks = await insertEvents(tx, scope, plan.candidates, backdate);
    const stored = plan.candidates.flatMap((candidate) => {
      const pk = pks.get(candidate.input.id);
      return pk === undefined ? [] : [{ candidate, pk }];
    });
    const posted = await postTransfers(tx, scope, debitsFor(stored.map((s) => s.candidate), backdate));
    const transferIds = new Map(posted.transfers.map((t) => [t.idempotencyKey, t.transferId]));
    await insertFees(tx, scope, stored, transferIds, debitKey);
    await insertCosts(tx, scope, stored);

    const storedSet = new Set(stored.map((s) => s.candidate));
    for (const c of plan.candidates) {
      plan.outcomes[c.request]![c.index] = storedSet.has(c) ? outcomeOf(c) : { id: c.input.id, status: "duplicate" };
    }
    const results = requests.map((_, r): Settled<IngestResult> => {
      const customer = customers[r];
      if (!customer) return { ok: false, error: new NotFoundError("Customer") };
      const balances = posted.wallets
        .filter((w) => w.owner === customer.id)
        .map((w) => ({ accountId: formatAccountId(w.name, w.assetCode), asset: w.assetCode, available: w.balance }));
      return { ok: true, value: { customerId: customer.id, items: plan.outcomes[r] as EventOutcome[], balances } };
    });
    return { results, debited: posted.debited };
  });
}
