import { z } from "zod";
import { urlField } from "@/lib/api/fields";

export const createPortalSessionSchema = z.strictObject({
  customer_id: z.string().min(1).max(100),
  return_url: urlField(),
  failure_url: urlField(),
});

export type CreatePortalSessionInput = z.output<typeof createPortalSessionSchema>;
