import type { LaneTotal } from "@/lib/workflows/wallet/spend/lanes/lane-series";

/** How a lane value reads in the portal: the value as sent, or what stands for the rest. */
export function laneName(t: Pick<LaneTotal, "kind" | "value">): string {
  if (t.kind === "other") return "All others";
  if (t.kind === "none") return "Not set";
  return t.value === "" || t.value!.trim() === "" ? `“${t.value}”` : t.value!;
}
