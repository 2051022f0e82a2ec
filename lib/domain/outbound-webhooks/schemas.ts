import { z } from "zod";
import { optionalText, textField, urlField } from "@/lib/kernel/fields/fields";
import { WEBHOOK_TOPICS } from "./topics";

const topic = textField(100)
  .refine(
    (t) => t === "*" || (WEBHOOK_TOPICS as readonly string[]).includes(t) || WEBHOOK_TOPICS.some((k) => t.endsWith(".*") && k.startsWith(t.slice(0, -1))),
    `Must be "*", a family such as "subscription.*", or one of: ${WEBHOOK_TOPICS.join(", ")}.`,
  );

export const createWebhookSchema = z.strictObject({
  url: urlField(),
  topics: z.array(topic).min(1).max(20).optional(),
  description: optionalText(200),
  /** Credyt's flag for connected-account events; Billfold has no connected accounts, so it only accepts false. */
  connect: z.literal(false).optional(),
});

export type CreateWebhookInput = z.output<typeof createWebhookSchema>;
