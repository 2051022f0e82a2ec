import { z } from "zod";
import { listQuerySchema } from "@/lib/kernel/fields/page-query";
import { decimalField, idField, jsonObjectField, metadataField, optionalText, shortText, textField, timestampField } from "@/lib/kernel/fields/fields";
import { fiatCurrencyField } from "@/lib/kernel/fields/fields";

export const MAX_EVENTS_PER_REQUEST = 1000;

const eventCostSchema = z
  .strictObject({
    id: idField().optional(),
    vendor_id: idField(100).optional(),
    vendor_external_id: idField().optional(),
    amount: decimalField({ nonNegative: true }),
    currency: fiatCurrencyField(),
    description: optionalText(500),
    metadata: metadataField(),
  })
  .superRefine((c, ctx) => {
    if ((c.vendor_id === undefined) === (c.vendor_external_id === undefined)) {
      ctx.addIssue({ code: "custom", path: ["vendor_id"], message: "Give exactly one of vendor_id or vendor_external_id." });
    }
  });

const usageEventSchema = z.strictObject({
  /** The platform's id for the event: its idempotency key, unique per platform forever. */
  id: idField(),
  event_type: shortText(200),
  /** When the usage happened; the time of receipt when omitted. */
  occurred_at: timestampField().optional(),
  subject: optionalText(500),
  description: optionalText(1000),
  /** Free-form: at most 16 levels deep and 32 KiB of JSON. */
  data: jsonObjectField().optional(),
  costs: z.array(eventCostSchema).max(50).optional(),
  /** The hold this event settles: its fee is debited and the rest of the hold released (docs/guardrails.md). */
  hold_id: idField(100).optional(),
});

export const ingestEventsSchema = z
  .strictObject({
    customer_id: idField(100).optional(),
    customer_external_id: idField().optional(),
    events: z.array(usageEventSchema).min(1, "At least one event.").max(MAX_EVENTS_PER_REQUEST, `At most ${MAX_EVENTS_PER_REQUEST} events per request.`),
  })
  .superRefine((b, ctx) => {
    if ((b.customer_id === undefined) === (b.customer_external_id === undefined)) {
      ctx.addIssue({ code: "custom", path: ["customer_id"], message: "Give exactly one of customer_id or customer_external_id." });
    }
  });

export const simulateUsageSchema = z.strictObject({
  events: z.array(usageEventSchema).min(1, "At least one event.").max(MAX_EVENTS_PER_REQUEST),
});

export const listEventsQuerySchema = listQuerySchema({ customer_id: textField(100).optional() });

export type IngestEventsInput = z.output<typeof ingestEventsSchema>;
export type UsageEventInput = z.output<typeof usageEventSchema>;
export type EventCostInput = z.output<typeof eventCostSchema>;
