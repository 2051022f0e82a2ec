import { z } from "zod";
import { calendarDateField, lenientIntField, textField } from "@/lib/kernel/fields/fields";
import { laneFieldsSchema } from "@/lib/workflows/wallet/spend/lanes/lane-fields";

const localDate = calendarDateField().optional().catch(undefined);

/** Usage history filters: a date range in the customer's timezone (inclusive days), a product and a lane value. */
export const usageFiltersSchema = laneFieldsSchema.extend({
  from: localDate,
  to: localDate,
  product: textField(60).optional().catch(undefined),
  cursor: textField(200).optional().catch(undefined),
  limit: lenientIntField(1, 100, 25),
});

export type UsageFilters = z.output<typeof usageFiltersSchema>;
