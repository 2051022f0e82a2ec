import { z } from "zod";
import { idField, urlField } from "@/lib/kernel/fields/fields";

export const createPortalSessionSchema = z.strictObject({
  customer_id: idField(100),
  return_url: urlField(),
  failure_url: urlField(),
});

export type CreatePortalSessionInput = z.output<typeof createPortalSessionSchema>;
