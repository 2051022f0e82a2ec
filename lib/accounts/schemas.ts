import { z } from "zod";
import { metadataField, shortText, textField } from "@/lib/api/fields";
import { listQuerySchema } from "@/lib/api/page-query";

export const createAccountSchema = z.strictObject({
  name: shortText(200),
  external_id: shortText(255).nullish().meta({ description: "Your id for the business; unique per platform and mode." }),
  metadata: metadataField(),
});

export const listAccountsQuerySchema = listQuerySchema({ external_id: textField(255).optional() });

export type CreateAccountInput = z.output<typeof createAccountSchema>;
