import type { LaneTotal } from "@/lib/workflows/wallet/spend/lanes/lane-series";

/** What stands for the rest and for records without the lane, in the reader's language. */
export interface LaneNames {
  other: string;
  none: string;
}

/** How a lane value reads in the portal: the value as sent, or what stands for the rest. */
export function laneName(t: Pick<LaneTotal, "kind" | "value">, names: LaneNames): string {
  if (t.kind === "other") return names.other;
  if (t.kind === "none") return names.none;
  return t.value === "" || t.value!.trim() === "" ? `“${t.value}”` : t.value!;
}
