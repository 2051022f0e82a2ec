import { z } from "zod";
import { patternField, textField } from "@/lib/kernel/fields/fields";

// Lenient like the other portal filters: a malformed parameter is dropped, never a failed page.
const dimension = patternField(/^[A-Za-z0-9_.-]{1,64}$/, "Not a lane.", 64).optional().catch(undefined);

/**
 * The lane fields of a portal URL: `by` breaks spend down by a lane, `lane` and `lane_value` keep
 * only events with that value. Whether a lane is visible is checked by whoever reads them.
 */
export const laneFieldsSchema = z.object({
  by: dimension,
  lane: dimension,
  lane_value: textField(1000).optional().catch(undefined),
});

export type LaneFields = z.output<typeof laneFieldsSchema>;
