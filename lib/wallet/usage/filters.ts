import { z } from "zod";
import { calendarDateField, textField } from "@/lib/api/fields";

const localDate = calendarDateField().optional().catch(undefined);

/** Usage history filters: a date range in the customer's timezone (inclusive days) and a product. */
export const usageFiltersSchema = z.object({
  from: localDate,
  to: localDate,
  product: textField(60).optional().catch(undefined),
  cursor: textField(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(25).catch(25),
});

export type UsageFilters = z.output<typeof usageFiltersSchema>;
