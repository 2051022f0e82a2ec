import { z } from "zod";
import { assetCodeField } from "@/lib/kernel/fields/fields";

export const SPEND_RANGES = {
  "7d": { label: "7 days", days: 7, buckets: ["day"] },
  "30d": { label: "30 days", days: 30, buckets: ["day", "week"] },
  "90d": { label: "90 days", days: 90, buckets: ["day", "week", "month"] },
  "12m": { label: "12 months", days: 365, buckets: ["week", "month"] },
} as const;

export type SpendRange = keyof typeof SPEND_RANGES;
export type SpendBucket = "day" | "week" | "month";

/** The fields of a spend view's URL; the bucket falls back to the range's first when it does not fit. */
export const spendQueryShape = {
  range: z.enum(["7d", "30d", "90d", "12m"]).catch("30d"),
  bucket: z.enum(["day", "week", "month"]).optional().catch(undefined),
  asset: assetCodeField().optional().catch(undefined),
  unit: z.enum(["asset", "fiat"]).catch("asset"),
};

export function withFittingBucket<Q extends { range: SpendRange; bucket?: SpendBucket }>(q: Q): Q & { bucket: SpendBucket } {
  const allowed: readonly SpendBucket[] = SPEND_RANGES[q.range].buckets;
  return { ...q, bucket: q.bucket && allowed.includes(q.bucket) ? q.bucket : allowed[0]! };
}

export const spendQuerySchema = z.object(spendQueryShape).transform(withFittingBucket);

export type SpendQuery = z.output<typeof spendQuerySchema>;
