import { z } from "zod";

export const createVendorSchema = z.strictObject({
  name: z.string().trim().min(1, "Must not be empty.").max(200),
  external_id: z.string().trim().min(1, "Must not be empty.").max(255).nullish(),
});

export const listVendorsQuerySchema = z.strictObject({
  limit: z.string().optional(),
  offset: z.string().optional(),
  external_id: z.string().max(255).optional(),
});

export type CreateVendorInput = z.output<typeof createVendorSchema>;
