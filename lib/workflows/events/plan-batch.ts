import type { VendorRow } from "@/lib/domain/vendors/vendor-store";
import { rateEvent, type RatedProduct } from "@/lib/domain/pricing";
import type { BillableCustomer } from "./resolve-customers";
import type { EventCostInput, UsageEventInput } from "./schemas";
import type { Candidate, EventOutcome, EventWarning, IngestRequest, ResolvedCost } from "./types";

/** How far ahead of the server's clock an occurred_at may be (clock skew), before the event is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface BatchPlan {
  candidates: Candidate[];
  /** Per request, per event: the outcome already known before writing (duplicate within the batch, rejected). */
  outcomes: (EventOutcome | undefined)[][];
}

function costsOf(event: UsageEventInput, vendors: Map<string, VendorRow>): { costs: ResolvedCost[]; warnings: EventWarning[] } {
  const costs: ResolvedCost[] = [];
  const warnings: EventWarning[] = [];
  for (const [i, cost] of (event.costs ?? []).entries()) {
    const line = { costId: cost.id ?? null, amount: cost.amount, currency: cost.currency, description: cost.description ?? null, metadata: cost.metadata ?? null };
    if (cost.vendor_id !== undefined) {
      const vendor = vendors.get(`id:${cost.vendor_id}`);
      if (!vendor) {
        const message = `No vendor '${cost.vendor_id}' in this platform: the cost is recorded without a vendor.`;
        warnings.push({ code: "unknown_vendor", field: `costs[${i}].vendor_id`, message });
      }
      costs.push({ ...line, vendorId: vendor?.id ?? null, newVendor: null });
    } else {
      const vendor = vendors.get(`ext:${cost.vendor_external_id}`);
      costs.push({ ...line, vendorId: vendor?.id ?? null, newVendor: vendor ? null : cost.vendor_external_id! });
    }
  }
  return { costs, warnings };
}

/** External ids of vendors the candidates' costs cite that are not registered yet. */
export function newVendors(candidates: Candidate[]): string[] {
  return [...new Set(candidates.flatMap((c) => c.costs.flatMap((cost) => (cost.newVendor === null ? [] : [cost.newVendor]))))];
}

/** Points the costs at the vendors just registered (external id → vendor id) and tells each event so. */
export function assignNewVendors(candidates: Candidate[], registered: Map<string, string>): void {
  for (const c of candidates) {
    c.costs.forEach((cost, i) => {
      if (cost.newVendor === null) return;
      const message = `Vendor '${cost.newVendor}' was registered on first sight, named after its external id.`;
      c.warnings.push({ code: "vendor_registered", field: `costs[${i}].vendor_external_id`, message });
      cost.vendorId = registered.get(cost.newVendor)!;
      cost.newVendor = null;
    });
  }
}

/** The vendor references of a batch, for one lookup. */
export function vendorRefs(requests: IngestRequest[]): { ids: string[]; externalIds: string[] } {
  const costs: EventCostInput[] = requests.flatMap((r) => r.events.flatMap((e) => e.costs ?? []));
  return {
    ids: [...new Set(costs.flatMap((c) => (c.vendor_id !== undefined ? [c.vendor_id] : [])))],
    externalIds: [...new Set(costs.flatMap((c) => (c.vendor_external_id !== undefined ? [c.vendor_external_id] : [])))],
  };
}

/**
 * Rates every event of a batch (pure: the database reads happened before). An id seen earlier in
 * the batch is a duplicate; an event from too far in the future is refused and not stored, so it
 * can be corrected and sent again with the same id. Cost lines never decide whether an event is
 * billed: a cost citing an unknown vendor_id is kept without a vendor, one citing an unregistered
 * vendor_external_id waits for that vendor to be registered (newVendors, assignNewVendors).
 */
export function planBatch(
  requests: IngestRequest[],
  customers: (BillableCustomer | null)[],
  products: Map<string, RatedProduct>,
  vendors: Map<string, VendorRow>,
): BatchPlan {
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  const outcomes = requests.map((request, r) => {
    const customer = customers[r];
    if (!customer) return [];
    const subscribed = customer.versions.map((v) => products.get(`${v.productId}:${v.version}`)).filter((p) => p !== undefined);
    return request.events.map((input, index): EventOutcome | undefined => {
      if (seen.has(input.id)) return { id: input.id, status: "duplicate" };
      const occurredAt = input.occurred_at ?? request.receivedAt;
      if (occurredAt.getTime() > request.receivedAt.getTime() + FUTURE_TOLERANCE_MS) {
        return { id: input.id, status: "rejected", code: "occurred_at_in_future", reason: "occurred_at is in the future." };
      }
      const { costs, warnings } = costsOf(input, vendors);
      seen.add(input.id);
      const rating = rateEvent(subscribed, { eventType: input.event_type, data: input.data ?? {} });
      candidates.push({ request: r, index, customerId: customer.id, input, occurredAt, rating, costs, warnings });
      return undefined;
    });
  });
  return { candidates, outcomes };
}
