import { feeViewOf, serializeFee } from "./serialize-fee";
import type { EventOutcome, EventWarning, IngestResult } from "./types";

/** Warnings appear only on the events that have some, so the common answer stays as small as it was. */
const warningsOf = (warnings: EventWarning[]) => (warnings.length > 0 ? { warnings } : {});

function serializeOutcome(o: EventOutcome) {
  switch (o.status) {
    case "billed":
      return { id: o.id, status: o.status, fees: o.fees.map((f) => serializeFee(feeViewOf(f))), ...warningsOf(o.warnings) };
    case "unbilled":
      return { id: o.id, status: o.status, reason_code: o.code, reason: o.reason, fees: [], ...warningsOf(o.warnings) };
    case "duplicate":
      return { id: o.id, status: o.status, fees: [] };
    case "rejected":
      return { id: o.id, status: o.status, reason_code: o.code, reason: o.reason, fees: [] };
  }
}

/**
 * The POST /events response: each event's outcome and fees, counts, and the debited balances. The
 * statuses are the ones GET /events and simulate use for the same outcome (billed, unbilled).
 */
export function serializeIngestResult(result: IngestResult) {
  const count = (status: EventOutcome["status"]) => result.items.filter((i) => i.status === status).length;
  return {
    customer_id: result.customerId,
    billed: count("billed"),
    unbilled: count("unbilled"),
    duplicates: count("duplicate"),
    rejected: count("rejected"),
    items: result.items.map(serializeOutcome),
    balances: result.balances.map((b) => ({ account_id: b.accountId, asset: b.asset, available: b.available })),
  };
}

/** 201 when the request stored anything new, 200 when every event was a duplicate or refused. */
export function ingestStatus(result: IngestResult): number {
  return result.items.some((i) => i.status === "billed" || i.status === "unbilled") ? 201 : 200;
}
