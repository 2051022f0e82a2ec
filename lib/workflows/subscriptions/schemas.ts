import { z } from "zod";
import { idField } from "@/lib/kernel/fields/fields";

/** POST /api/portal/subscriptions/:id/cancel — true: cancel at period end; false: keep the plan. */
export const cancelAtPeriodEndSchema = z.object({ cancel: z.boolean() }).strict();

/** POST /api/portal/subscriptions/:id/switch — the published plan to move to at the next renewal. */
export const switchPlanSchema = z.object({ code: idField(200) }).strict();
