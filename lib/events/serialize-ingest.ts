import { feeViewOf, serializeFee } from "./serialize-fee";
import type { EventOutcome, IngestResult } from "./types";

function serializeOutcome(o: EventOutcome) {
  switch (o.status) {
    case "accepted":
      return { id: o.id, status: o.status, fees: o.fees.map((f) => serializeFee(feeViewOf(f))) };
    case "duplicate":
      return { id: o.id, status: o.status, fees: [] };
    default:
      return { id: o.id, status: o.status, reason_code: o.code, reason: o.reason, fees: [] };
  }
}

/** The POST /events response: each event's outcome and fees, counts, and the debited balances. */
export function serializeIngestResult(result: IngestResult) {
  const count = (status: EventOutcome["status"]) => result.items.filter((i) => i.status === status).length;
  return {
    customer_id: result.customerId,
    accepted: count("accepted"),
    unbilled: count("unbilled"),
    duplicates: count("duplicate"),
    rejected: count("rejected"),
    items: result.items.map(serializeOutcome),
    balances: result.balances.map((b) => ({ account_id: b.accountId, asset: b.asset, available: b.available })),
  };
}

/** 201 when the request stored anything new, 200 when every event was a duplicate or refused. */
export function ingestStatus(result: IngestResult): number {
  return result.items.some((i) => i.status === "accepted" || i.status === "unbilled") ? 201 : 200;
}
