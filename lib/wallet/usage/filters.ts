import { z } from "zod";

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()))
  .optional()
  .catch(undefined);

/** Usage history filters: a date range in the customer's timezone (inclusive days) and a product. */
export const usageFiltersSchema = z.object({
  from: localDate,
  to: localDate,
  product: z.string().max(60).optional().catch(undefined),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});

export type UsageFilters = z.output<typeof usageFiltersSchema>;
