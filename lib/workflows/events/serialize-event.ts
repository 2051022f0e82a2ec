import { parseJsonText } from "@/lib/kernel/json";
import type { EventDetail } from "./event-store";
import { serializeFee } from "./serialize-fee";

/** An event as GET /events shows it: what was sent, how it was billed (fees) and what it cost (costs). */
export function serializeEvent({ event, fees, costs }: EventDetail) {
  return {
    id: event.id,
    customer_id: event.customerId,
    event_type: event.eventType,
    occurred_at: event.occurredAt.toISOString(),
    subject: event.subject,
    description: event.description,
    // Stored data is returned as it was accepted, even from before its depth was bounded at the door.
    data: parseJsonText(event.data, Infinity),
    // A price that matched but could not be computed is stored as rating_error; like POST /events and
    // simulate, the API calls it unbilled and says why in reason_code.
    status: event.status === "rating_error" ? "unbilled" : event.status,
    reason_code: event.reasonCode,
    reason: event.reason,
    fees: fees.map(serializeFee),
    costs: costs.map((c) => ({
      id: c.id,
      vendor_id: c.vendorId,
      vendor_name: c.vendorName,
      amount: c.amount,
      currency: c.currency,
      description: c.description,
      metadata: c.metadata,
    })),
    created_at: event.createdAt.toISOString(),
  };
}
