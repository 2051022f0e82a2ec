import { z } from "zod";
import { idField, timestampField } from "@/lib/api/fields";
import { pageQuery } from "@/lib/api/pagination";

export const listTasksQuerySchema = z.strictObject({
  ...pageQuery,
  customer_id: idField(),
  from: timestampField().optional().meta({ description: "Tasks that started (first event) at or after this time." }),
  to: timestampField().optional().meta({ description: "Tasks that started before this time." }),
});

export type ListTasksQuery = z.output<typeof listTasksQuerySchema>;
