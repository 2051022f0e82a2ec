import type { VendorRow } from "@/lib/vendors/vendor-store";
import { rateEvent, type RatedProduct } from "@/lib/pricing";
import type { BillableCustomer } from "./resolve-customers";
import type { EventCostInput, UsageEventInput } from "./schemas";
import type { Candidate, EventOutcome, IngestRequest, ResolvedCost } from "./types";

/** How far ahead of the server's clock an occurred_at may be (clock skew), before the event is refused. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface BatchPlan {
  candidates: Candidate[];
  /** Per request, per event: the outcome already known before writing (duplicate within the batch, rejected). */
  outcomes: (EventOutcome | undefined)[][];
}

function costsOf(event: UsageEventInput, vendors: Map<string, VendorRow>): ResolvedCost[] | { reason: string } {
  const out: ResolvedCost[] = [];
  for (const [i, cost] of (event.costs ?? []).entries()) {
    const vendor = cost.vendor_id !== undefined ? vendors.get(`id:${cost.vendor_id}`) : vendors.get(`ext:${cost.vendor_external_id}`);
    if (!vendor) return { reason: `costs[${i}]: unknown vendor '${cost.vendor_id ?? cost.vendor_external_id}'.` };
    out.push({
      vendorId: vendor.id,
      costId: cost.id ?? null,
      amount: cost.amount,
      currency: cost.currency,
      description: cost.description ?? null,
      metadata: cost.metadata ?? null,
    });
  }
  return out;
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
 * the batch is a duplicate; an event from too far in the future or citing an unknown vendor is
 * refused and not stored, so it can be corrected and sent again with the same id.
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
      const costs = costsOf(input, vendors);
      if (!Array.isArray(costs)) return { id: input.id, status: "rejected", code: "unknown_vendor", reason: costs.reason };
      seen.add(input.id);
      const rating = rateEvent(subscribed, { eventType: input.event_type, data: input.data ?? {} });
      candidates.push({ request: r, index, customerId: customer.id, input, occurredAt, rating, costs });
      return undefined;
    });
  });
  return { candidates, outcomes };
}
