import { z } from "zod";
import { JsonNumber, parseJsonText } from "@/lib/kernel/json";
import { dec } from "@/lib/kernel/money";
import type { EntitlementDef, PriceDef } from "./definition";

// Stored JSON is written with stringifyJson, so its numbers are exact; it is read back as text and
// parsed losslessly (numbers arrive as JsonNumber), never through JSON.parse's floats. These schemas
// are the shape priceDefs and entitlementDefs store; a row that does not match fails loudly here.

const storedDecimal = z.instanceof(JsonNumber).transform((n) => dec(n.text));
const storedCount = z
  .instanceof(JsonNumber)
  .transform((n) => Number(n.text))
  .refine(Number.isSafeInteger, "Not an integer.");
const orNull = <S extends z.ZodType>(schema: S) => schema.nullish().transform((v) => v ?? null);
const interval = z.enum(["day", "week", "month", "year"]);

const rate = z.object({
  name: orNull(z.string()),
  unit_price: orNull(storedDecimal),
  volume_rate: orNull(storedDecimal),
  package_size: orNull(storedDecimal),
});

const dimensional = z.object({
  name: orNull(z.string()),
  dimensions: z.record(z.string(), z.string()),
  values: z.array(rate),
});

const usageCalculation = z.object({
  event_type: z.string(),
  usage_type: z.enum(["unit", "volume", "unit_and_volume"]),
  volume_field: orNull(z.string()),
  source_reference_field: orNull(z.string()),
  billable_dimensions: z.array(z.string()).default([]),
});

const price = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(["usage_based", "fixed"]),
  billing_model: z.union([
    z.object({ type: z.literal("recurring"), recurring: z.object({ interval, interval_count: storedCount }) }),
    z.object({ type: z.literal("real_time") }),
  ]),
  usage_calculation: orNull(usageCalculation),
  // A dimensional value is told apart by its `dimensions`, so it is tried first.
  pricing: z.array(z.object({ asset: z.string(), values: z.array(z.union([dimensional, rate])) })),
}) satisfies z.ZodType<PriceDef>;

const entitlement = z.object({
  name: z.string(),
  asset: z.string(),
  amount: storedDecimal,
  purpose: z.enum(["bundled", "promotion"]),
  lifecycle: orNull(
    z.object({
      duration: interval,
      duration_count: storedCount,
      refresh: orNull(z.object({ strategy: z.enum(["expire_and_replace", "rollover"]) })),
    }),
  ),
  accounting: z.object({
    revenue_basis: orNull(storedDecimal),
    cost_basis: z.union([z.literal("auto"), storedDecimal]),
  }),
}) satisfies z.ZodType<EntitlementDef>;

/** Prices from a product_versions.prices column read as text. */
export function decodePrices(text: string): PriceDef[] {
  return z.array(price).parse(parseJsonText(text));
}

/** Entitlements from a product_versions.entitlements column read as text. */
export function decodeEntitlements(text: string): EntitlementDef[] {
  return z.array(entitlement).parse(parseJsonText(text));
}
