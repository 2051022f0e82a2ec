import { z } from "zod";
import type { DbOrTx } from "@/lib/kernel/db";
import { NotFoundError } from "@/lib/kernel/errors";
import type { CustomerScope } from "@/lib/kernel/scope";
import { listBalances } from "@/lib/domain/wallet/balances";
import { spendQueryShape, withFittingBucket } from "../ranges";
import { laneFieldsSchema } from "./lane-fields";
import { rangeWindow, spendByLane, type LaneSpend, type LaneWindow } from "./lane-spend";

/** GET /api/portal/spend/lanes: a spend range (as on the Spending page) plus the lane fields. */
export const spendLanesQuerySchema = z.object({ ...spendQueryShape, ...laneFieldsSchema.shape }).transform(withFittingBucket);

export type SpendLanesQuery = z.output<typeof spendLanesQuerySchema>;

export type PortalLaneSpend = LaneSpend & LaneWindow & { asset: string };

/**
 * The Spending page's breakdown by lane: the chosen balance's asset (else the first), over the
 * chosen range in whole buckets of the customer's timezone.
 * @throws NotFoundError when the customer has no balance, or a lane is not one the platform marked visible
 */
export async function portalLaneSpend(db: DbOrTx, scope: CustomerScope, q: SpendLanesQuery, timeZone: string): Promise<PortalLaneSpend> {
  if (!q.by) throw new NotFoundError("Spend lane");
  const balances = await listBalances(db, scope);
  const asset = (balances.find((b) => b.asset.code === q.asset) ?? balances[0])?.asset.code;
  if (!asset) throw new NotFoundError("Balance");
  const window = await rangeWindow(db, q.range, q.bucket, timeZone);
  const spend = await spendByLane(db, scope, { by: q.by, asset, ...window, timeZone, lane: q.lane, laneValue: q.lane_value });
  return { ...spend, ...window, asset };
}
