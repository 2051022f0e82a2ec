import { z } from "zod";
import { amount, nullableTimestamp, timestamp } from "./common";

const nullableAmount = () => amount().nullable();
const interval = z.enum(["day", "week", "month", "year"]);

const rateValue = z.object({
  name: z.string().nullable(),
  unit_price: nullableAmount(),
  volume_rate: nullableAmount(),
  package_size: nullableAmount(),
});

const dimensionalValue = z.object({ name: z.string().nullable(), dimensions: z.record(z.string(), z.string()), values: z.array(rateValue) });

const priceResponse = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(["usage_based", "fixed"]),
  billing_model: z.union([
    z.object({ type: z.literal("real_time") }),
    z.object({ type: z.literal("recurring"), recurring: z.object({ interval, interval_count: z.number().int() }) }),
  ]),
  usage_calculation: z
    .object({
      event_type: z.string(),
      usage_type: z.enum(["unit", "volume", "unit_and_volume"]),
      volume_field: z.string().nullable(),
      source_reference_field: z.string().nullable(),
      billable_dimensions: z.array(z.string()),
    })
    .nullable(),
  pricing: z.array(z.object({ asset: z.string(), values: z.array(z.union([dimensionalValue, rateValue])) })),
});

const entitlementResponse = z.object({
  name: z.string(),
  asset: z.string(),
  amount: amount(),
  purpose: z.enum(["bundled", "promotion"]),
  lifecycle: z.object({ duration: interval, duration_count: z.number().int(), refresh: z.object({ strategy: z.string() }).nullable() }).nullable(),
  accounting: z.object({ revenue_basis: nullableAmount(), cost_basis: z.union([z.literal("auto"), amount()]) }),
});

const versionStatus = z.enum(["draft", "published", "archived"]);

export const versionSummaryResponse = z.object({ id: z.string(), code: z.string(), version: z.number().int(), status: versionStatus, is_default: z.boolean() });

const versionResponse = z.object({
  version: z.number().int(),
  status: versionStatus,
  is_default: z.boolean(),
  name: z.string(),
  description: z.string().nullable(),
  prices: z.array(priceResponse),
  entitlements: z.array(entitlementResponse),
  created_at: timestamp(),
  published_at: nullableTimestamp(),
});

export const productSummaryResponse = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(["draft", "published"]),
  default_version: z.number().int().nullable(),
  latest_version: z.number().int(),
  created_at: timestamp(),
});

export const productDetailResponse = productSummaryResponse.extend({ versions: z.array(versionResponse) });

export const productVersionResponse = versionResponse.extend({ id: z.string(), code: z.string() });
