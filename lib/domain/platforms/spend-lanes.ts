import { z } from "zod";
import { patternField, textField } from "@/lib/kernel/fields/fields";

/**
 * A usage-event dimension the platform lets its customers see spend split by (a model, an API
 * key, a team member, a project), with the label the portal shows for it. Dimensions that are not
 * listed here never reach the portal: not as a breakdown, a filter or an export column.
 */
export interface SpendLane {
  /** The key in each event's `data`, e.g. "model". */
  dimension: string;
  label: string;
}

/** At most this many lanes per platform: each is a choice in the portal and a column in exports. */
export const MAX_SPEND_LANES = 8;

export const spendLaneSchema = z.strictObject({
  dimension: patternField(/^[A-Za-z0-9_.-]{1,64}$/, "1 to 64 letters, digits, _ . or -, as the key appears in the event's data.", 64).meta({
    description: "The key in each usage event's data, e.g. model or api_key.",
  }),
  label: textField(40, { trim: true, min: 1 }).meta({ description: "What the portal calls it, e.g. Model or API key." }),
});

export const spendLanesSchema = z
  .array(spendLaneSchema)
  .max(MAX_SPEND_LANES, `At most ${MAX_SPEND_LANES} lanes.`)
  .superRefine((lanes, ctx) => {
    const seen = new Set<string>();
    lanes.forEach((l, i) => {
      if (seen.has(l.dimension)) ctx.addIssue({ code: "custom", path: [i, "dimension"], message: "Listed twice." });
      seen.add(l.dimension);
    });
  })
  .meta({
    description:
      "Usage-event dimensions customers may see their spend broken down by, in the order the portal offers them. Dimensions not listed are never shown to customers.",
  });

/** Stored lanes read back; anything unreadable means none, so nothing is shown by mistake. */
export function readSpendLanes(stored: Record<string, unknown>): SpendLane[] {
  const parsed = spendLanesSchema.safeParse(stored.spend_lanes);
  return parsed.success ? parsed.data.map((l) => ({ dimension: l.dimension, label: l.label })) : [];
}
