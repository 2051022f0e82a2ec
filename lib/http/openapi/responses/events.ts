import { z } from "zod";
import { amount, timestamp } from "./common";

const feeResponse = z.object({
  amount: amount(),
  asset: z.string(),
  account_id: z.string(),
  product: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  product_version: z.number().int(),
  price_id: z.string(),
  price_name: z.string(),
  dimensions: z.record(z.string(), z.string()),
  quantity: amount().meta({ description: "1 for unit prices; the event's volume otherwise." }),
  rate: z.object({ unit_price: amount().nullable(), volume_rate: amount().nullable(), package_size: amount().nullable() }),
});

const unbilledCode = z.enum(["no_subscription", "no_price", "no_dimension_match", "rating_error"]);

const warning = z.object({
  code: z.enum(["unknown_vendor", "vendor_registered"]),
  field: z.string().meta({ description: "The cost line it is about, e.g. costs[0].vendor_id." }),
  message: z.string(),
});

export const ingestResponse = z.object({
  customer_id: z.string(),
  billed: z.number().int(),
  unbilled: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["billed", "unbilled", "duplicate", "rejected"]),
      reason_code: z.enum([...unbilledCode.options, "occurred_at_in_future"]).optional(),
      reason: z.string().optional(),
      fees: z.array(feeResponse),
      warnings: z
        .array(warning)
        .optional()
        .meta({ description: "Only when a cost line needs attention; billing never depends on cost lines." }),
    }),
  ),
  balances: z.array(z.object({ account_id: z.string(), asset: z.string(), available: amount() })),
});

export const eventResponse = z.object({
  id: z.string(),
  customer_id: z.string(),
  event_type: z.string(),
  occurred_at: timestamp(),
  subject: z.string().nullable(),
  description: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  status: z.enum(["billed", "unbilled"]),
  reason_code: unbilledCode.nullable(),
  reason: z.string().nullable(),
  fees: z.array(feeResponse),
  costs: z.array(
    z.object({
      id: z.string().nullable(),
      vendor_id: z.string().nullable().meta({ description: "Null for an unattributed cost: it named a vendor_id this platform does not have." }),
      vendor_name: z.string().nullable(),
      amount: amount(),
      currency: z.string(),
      description: z.string().nullable(),
      metadata: z.record(z.string(), z.string()),
    }),
  ),
  created_at: timestamp(),
});

export const simulationResponse = z.object({
  product: z.object({ id: z.string(), code: z.string(), name: z.string(), version: z.number().int(), status: z.string() }),
  items: z.array(
    z.object({
      id: z.string(),
      event_type: z.string(),
      status: z.enum(["billed", "unbilled"]),
      reason_code: unbilledCode.nullable(),
      reason: z.string().nullable(),
      fees: z.array(feeResponse),
    }),
  ),
  totals: z.array(z.object({ asset: z.string(), amount: amount() })),
});

export const vendorResponse = z.object({ id: z.string(), name: z.string(), external_id: z.string().nullable(), created_at: timestamp() });
