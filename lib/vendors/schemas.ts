import { z } from "zod";
import { listQuerySchema } from "@/lib/api/page-query";

export const createVendorSchema = z.strictObject({
  name: z.string().trim().min(1, "Must not be empty.").max(200),
  external_id: z.string().trim().min(1, "Must not be empty.").max(255).nullish(),
});

export const listVendorsQuerySchema = listQuerySchema({ external_id: z.string().max(255).optional() });

export type CreateVendorInput = z.output<typeof createVendorSchema>;
