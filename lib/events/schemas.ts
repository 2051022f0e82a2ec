import { z } from "zod";
import { listQuerySchema } from "@/lib/api/page-query";
import { decimalField, metadataField, timestampField } from "@/lib/api/fields";
import { isFiat } from "@/lib/assets/fiat";

export const MAX_EVENTS_PER_REQUEST = 1000;

export const eventCostSchema = z
  .strictObject({
    id: z.string().min(1, "Must not be empty.").max(255).optional(),
    vendor_id: z.string().min(1, "Must not be empty.").max(100).optional(),
    vendor_external_id: z.string().min(1, "Must not be empty.").max(255).optional(),
    amount: decimalField({ nonNegative: true }),
    currency: z.string().refine(isFiat, "Must be a fiat currency code such as USD."),
    description: z.string().max(500).nullish(),
    metadata: metadataField(),
  })
  .superRefine((c, ctx) => {
    if ((c.vendor_id === undefined) === (c.vendor_external_id === undefined)) {
      ctx.addIssue({ code: "custom", path: ["vendor_id"], message: "Give exactly one of vendor_id or vendor_external_id." });
    }
  });

export const usageEventSchema = z.strictObject({
  /** The platform's id for the event: its idempotency key, unique per platform forever. */
  id: z.string().min(1, "Must not be empty.").max(255),
  event_type: z.string().trim().min(1, "Must not be empty.").max(200),
  /** When the usage happened; the time of receipt when omitted. */
  occurred_at: timestampField().optional(),
  subject: z.string().max(500).nullish(),
  description: z.string().max(1000).nullish(),
  data: z.record(z.string().max(200), z.unknown()).optional(),
  costs: z.array(eventCostSchema).max(50).optional(),
});

export const ingestEventsSchema = z
  .strictObject({
    customer_id: z.string().min(1, "Must not be empty.").max(100).optional(),
    customer_external_id: z.string().min(1, "Must not be empty.").max(255).optional(),
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

export const listEventsQuerySchema = listQuerySchema({ customer_id: z.string().max(100).optional() });

export type IngestEventsInput = z.output<typeof ingestEventsSchema>;
export type UsageEventInput = z.output<typeof usageEventSchema>;
export type EventCostInput = z.output<typeof eventCostSchema>;
