import type { Db, Tx } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { NotFoundError } from "@/lib/kernel/errors";
import { loadRatedProducts } from "@/lib/domain/catalog/rated-products";
import { postTransfers, type AccountState } from "@/lib/domain/ledger";
import { accountKey } from "@/lib/domain/ledger/accounts";
import { screenUsage, type Refusal } from "@/lib/domain/guardrails/usage-screen";
import type { UsageItem } from "@/lib/domain/guardrails/usage-effects";
import { now } from "@/lib/kernel/clock";
import { ZERO, type Decimal } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { registerVendors, resolveVendors } from "@/lib/domain/vendors/vendor-store";
import { formatAccountId } from "@/lib/domain/wallet/account-id";
import type { Settled } from "./coalescer";
import { debitKey, debitsFor } from "./debits";
import { assignNewVendors, newVendors, planBatch, vendorRefs, type BatchPlan } from "./plan-batch";
import { resolveCustomers, type BillableCustomer } from "./resolve-customers";
import type { Candidate, EventOutcome, IngestRequest, IngestResult } from "./types";
import { insertEvents } from "./write-events";

export interface BatchResult {
  results: Settled<IngestResult>[];
  /** Wallet accounts debited, with their balances after the commit: what the after-debit hook is told. */
  debited: AccountState[];
}

function outcomeOf(c: Candidate): EventOutcome {
  const id = c.input.id;
  const warnings = c.warnings;
  if (c.rating.status === "billed") return { id, status: "billed", fees: c.rating.fees, warnings };
  if (c.rating.status === "rating_error") return { id, status: "unbilled", code: "rating_error", reason: c.rating.reason, warnings };
  return { id, status: "unbilled", code: c.rating.code, reason: c.rating.reason, warnings };
}

/** The candidates the guardrails screen: those of customers with a budget or hold, and any that names a hold. */
function usageItems(candidates: Candidate[], guarded: ReadonlySet<string>): UsageItem[] {
  return candidates
    .filter((c) => guarded.has(c.customerId) || c.input.hold_id !== undefined)
    .map((c) => {
      const totals = new Map<string, Decimal>();
      if (c.rating.status === "billed") for (const f of c.rating.fees) totals.set(f.asset, (totals.get(f.asset) ?? ZERO).plus(f.amount));
      const fees = [...totals].filter(([, amount]) => amount.gt(0)).map(([asset, amount]) => ({ asset, amount }));
      return { eventId: c.input.id, customerId: c.customerId, holdId: c.input.hold_id ?? null, fees, data: c.input.data };
    });
}

/**
 * Writes rated candidates inside the caller's transaction in three statements: the events that are
 * new with their fees and costs (a used id is skipped by the unique index), the account locks, and
 * one debit per new event and wallet account with its entries and balances. Candidates of `guarded`
 * customers, or naming a hold, are screened first (lib/domain/guardrails): those refused are not written.
 */
export async function writeCandidates(tx: Tx, scope: PlatformScope, candidates: Candidate[], backdate: boolean, guarded: ReadonlySet<string> = new Set()) {
  let debits = debitsFor(candidates, backdate);
  const items = usageItems(candidates, guarded);
  const screened = items.length > 0 ? await screenUsage(tx, scope, items, debits.flatMap((t) => [accountKey(t.from), accountKey(t.to)]), now()) : null;
  const refused = screened?.refused ?? new Map<string, Refusal>();
  const kept = refused.size > 0 ? candidates.filter((c) => !refused.has(c.input.id)) : candidates;
  if (refused.size > 0) debits = debits.filter((t) => !refused.has(t.reference!.id));
  const transferIds = new Map(debits.map((t) => [t.idempotencyKey, t.id!]));
  const pks = await insertEvents(tx, scope, kept, (c, asset) => transferIds.get(debitKey(c, asset)) ?? null, backdate);
  const stored = new Set(kept.filter((c) => pks.has(c.input.id)));
  const posted = await postTransfers(tx, scope, debits.filter((t) => pks.has(t.reference!.id)));
  await screened?.commit(new Set(pks.keys()));
  return { stored, posted, refused };
}

function results(requests: IngestRequest[], customers: (BillableCustomer | null)[], outcomes: BatchPlan["outcomes"], wallets: AccountState[]) {
  return requests.map((_, r): Settled<IngestResult> => {
    const customer = customers[r];
    if (!customer) return { ok: false, error: new NotFoundError("Customer") };
    const balances = wallets
      .filter((w) => w.owner === customer.id)
      .map((w) => ({ accountId: formatAccountId(w.name, w.assetCode), asset: w.assetCode, available: w.balance }));
    return { ok: true, value: { customerId: customer.id, items: outcomes[r] as EventOutcome[], balances } };
  });
}

/**
 * Ingests several requests of one platform in one transaction: a few set-based statements whatever
 * the number of events (customers and subscriptions, events, account locks, transfers, entries and
 * balances, fees, costs). Each event is stored and its fees debited in the same transaction, or
 * neither; a vendor its costs cite by an unregistered external id is registered in it too. `backdate` dates the events and ledger rows at each event's occurred_at (demo seed only).
 */
export async function processBatch(db: Db, scope: PlatformScope, requests: IngestRequest[], options: { backdate?: boolean } = {}): Promise<BatchResult> {
  return withTransaction(db, async (tx) => {
    const customers = await resolveCustomers(tx, scope, requests);
    const products = await loadRatedProducts(tx, scope, customers.flatMap((c) => c?.versions ?? []));
    const { ids, externalIds } = vendorRefs(requests);
    const vendors = await resolveVendors(tx, scope, ids, externalIds);
    const plan = planBatch(requests, customers, products, vendors);
    assignNewVendors(plan.candidates, await registerVendors(tx, scope, newVendors(plan.candidates)));
    const guarded = new Set(customers.flatMap((c) => (c?.guarded ? [c.id] : [])));
    const { stored, posted, refused } = await writeCandidates(tx, scope, plan.candidates, options.backdate === true, guarded);
    for (const c of plan.candidates) {
      const refusal = refused.get(c.input.id);
      plan.outcomes[c.request]![c.index] = refusal
        ? { id: c.input.id, status: "rejected", ...refusal }
        : stored.has(c) ? outcomeOf(c) : { id: c.input.id, status: "duplicate" };
    }
    return { results: results(requests, customers, plan.outcomes, posted.wallets), debited: posted.debited };
  });
}
