import { z } from "zod";
import { shortText, textField } from "@/lib/kernel/fields/fields";
import { listQuerySchema } from "@/lib/kernel/fields/page-query";

export const createVendorSchema = z.strictObject({
  name: shortText(200),
  external_id: shortText(255).nullish(),
});

export const listVendorsQuerySchema = listQuerySchema({ external_id: textField(255).optional() });

export type CreateVendorInput = z.output<typeof createVendorSchema>;
