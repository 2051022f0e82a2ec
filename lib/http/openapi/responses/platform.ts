import { z } from "zod";
import { nullableTimestamp, timestamp } from "./common";

export const brandingResponse = z.object({
  name: z.string(),
  logo_url: z.string().nullable(),
  primary_color: z.string(),
  accent_color: z.string(),
  theme: z.enum(["light", "dark", "system"]),
  home_url: z.string().nullable(),
  support_url: z.string().nullable(),
  terms_url: z.string().nullable(),
  privacy_url: z.string().nullable(),
  allowed_redirect_origins: z.array(z.string()),
  embed_origins: z.array(z.string()),
  contrast_adjustments: z.array(
    z.object({ field: z.enum(["primary_color", "accent_color"]), theme: z.enum(["light", "dark"]), given: z.string(), used_for_text: z.string(), ratio: z.number() }),
  ),
});

export const webhookResponse = z.object({
  id: z.string(),
  url: z.string(),
  topics: z.array(z.string()),
  description: z.string().nullable(),
  connect: z.boolean().meta({ description: "Receives the connected accounts' events instead of the platform's own." }),
  secret: z.string().optional().meta({ description: "On creation and GET /webhooks/{webhookId} only." }),
  created_at: timestamp(),
  disabled_at: nullableTimestamp(),
});

export const deliveryResponse = z.object({
  event_id: z.string(),
  type: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  last_status: z.number().int().nullable(),
  last_error: z.string().nullable(),
  last_attempt_at: nullableTimestamp(),
  delivered_at: nullableTimestamp(),
  created_at: timestamp(),
});

export const emailDeliveryResponse = z.object({
  id: z.string(),
  customer_id: z.string(),
  kind: z.string().meta({ description: "receipt, auto_top_up_failed, low_balance, sign_in, …" }),
  to: z.string(),
  locale: z.string(),
  subject: z.string().nullable(),
  status: z.enum(["pending", "sending", "sent", "held", "skipped", "failed"]).meta({ description: "held: no SMTP server configured, kept in the outbox" }),
  attempts: z.number().int(),
  last_error: z.string().nullable(),
  last_attempt_at: nullableTimestamp(),
  sent_at: nullableTimestamp(),
  created_at: timestamp(),
});
