import type { DbOrTx } from "@/lib/kernel/db";
import { NotFoundError } from "@/lib/kernel/errors";
import type { CustomerScope } from "@/lib/kernel/scope";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import type { SpendLane } from "@/lib/domain/platforms/spend-lanes";
import type { LaneFilter } from "./lane-sql";

/** The lanes the customer's platform marked visible, in its order. @throws NotFoundError */
export async function visibleLanes(db: DbOrTx, scope: CustomerScope): Promise<SpendLane[]> {
  return (await getPlatformSettings(db, scope)).spendLanes;
}

/** The visible lane with this dimension, or null: an unmarked dimension is treated as if it did not exist. */
export function laneOf(lanes: readonly SpendLane[], dimension: string | undefined): SpendLane | null {
  return lanes.find((l) => l.dimension === dimension) ?? null;
}

/** A lane filter from request fields, kept only when its dimension is visible. */
export function laneFilterOf(lanes: readonly SpendLane[], dimension: string | undefined, value: string | undefined): LaneFilter | null {
  const lane = laneOf(lanes, dimension);
  return lane && value !== undefined ? { dimension: lane.dimension, value } : null;
}

/** @throws NotFoundError when the dimension is not one the platform marked visible */
export function laneOrThrow(lanes: readonly SpendLane[], dimension: string): SpendLane {
  const lane = laneOf(lanes, dimension);
  if (!lane) throw new NotFoundError("Spend lane");
  return lane;
}
