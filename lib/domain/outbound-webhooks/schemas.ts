import { z } from "zod";
import { optionalText, textField, urlField } from "@/lib/kernel/fields/fields";
import { WEBHOOK_TOPICS } from "./topics";

const topic = textField(100)
  .refine(
    (t) => t === "*" || (WEBHOOK_TOPICS as readonly string[]).includes(t) || WEBHOOK_TOPICS.some((k) => t.endsWith(".*") && k.startsWith(t.slice(0, -1))),
    `Must be "*", a family such as "subscription.*", or one of: ${WEBHOOK_TOPICS.join(", ")}.`,
  )
  .meta({ description: `"*", a family such as "subscription.*", or one of: ${WEBHOOK_TOPICS.join(", ")}.` });

export const createWebhookSchema = z.strictObject({
  url: urlField(),
  topics: z.array(topic).min(1).max(20).optional(),
  description: optionalText(200),
  connect: z
    .boolean()
    .optional()
    .meta({ description: "true: receive the events of your connected accounts (each marked with `account`) instead of your own." }),
});

export type CreateWebhookInput = z.output<typeof createWebhookSchema>;
