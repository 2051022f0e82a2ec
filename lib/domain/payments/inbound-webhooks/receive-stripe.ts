import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { env } from "@/lib/kernel/env";
import { AppError } from "@/lib/kernel/errors";
import { faultPoint } from "@/lib/kernel/faults";
import { log } from "@/lib/kernel/log";
import { handlesEventType, processStripeEvent } from "./dispatch";
import { eventSchema } from "./event-schemas";
import { verifyStripeEvent } from "./verify-webhook";
import { markEventProcessed, recordEvent } from "./events";

export interface WebhookAnswer {
  received: true;
  event: string;
  outcome: string;
}

/**
 * A Stripe webhook delivery: verified on the raw body, stored once, then applied; the event is marked
 * processed only after its effects committed, so a crash in between means the redelivery (or the job)
 * applies it again, and the effects themselves are idempotent. Unknown types are acknowledged.
 * @throws WebhookSignatureError (400), AppError bad_request when no secret is configured; other errors make Stripe retry
 */
export async function receiveStripeWebhook(db: Db, payload: string, signature: string | null): Promise<WebhookAnswer> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret) {
    log.error("Stripe webhook received but STRIPE_WEBHOOK_SECRET is not set");
    throw new AppError("bad_request", "Stripe webhooks are not configured on this server.");
  }
  const parsed = eventSchema.safeParse(verifyStripeEvent(payload, signature, secret, now()));
  if (!parsed.success) {
    log.error("verified Stripe event has an unexpected shape; acknowledged", { issues: parsed.error.issues.slice(0, 3) });
    return { received: true, event: "unknown", outcome: "malformed" };
  }
  const event = parsed.data;
  if (!handlesEventType(event.type)) return { received: true, event: event.id, outcome: "ignored" };
  const { processed } = await recordEvent(db, event, payload);
  if (processed) return { received: true, event: event.id, outcome: "duplicate" };
  faultPoint("between-webhook-dedupe-and-credit");
  const outcome = await processStripeEvent(db, event);
  await markEventProcessed(db, event.id, outcome);
  return { received: true, event: event.id, outcome };
}
