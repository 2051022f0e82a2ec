import { z } from "zod";
import { idField, optionalText } from "@/lib/kernel/fields/fields";

/**
 * POST /api/portal/subscriptions/:id/cancel — true: cancel at period end; false: keep the plan. The
 * customer may say why; the reason reaches the platform in the subscription.cancel_scheduled webhook.
 */
export const cancelAtPeriodEndSchema = z.object({ cancel: z.boolean(), reason: optionalText(500) }).strict();

/** POST /api/portal/plan — subscribe to a published plan, paying its first period through Checkout. */
export const subscribePlanSchema = z.object({ code: idField(200) }).strict();

/** POST /api/portal/subscriptions/:id/switch — the published plan to move to at the next renewal. */
export const switchPlanSchema = z.object({ code: idField(200) }).strict();
