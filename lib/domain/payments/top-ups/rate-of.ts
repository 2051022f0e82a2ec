import { dec } from "@/lib/kernel/money";
import type { TopUpRate } from "./pricing";
import type { TopUpRow } from "./store";

/** The rate a top-up was priced at, as recorded on it (null for a fiat account, credited 1:1). */
export function rateOf(t: Pick<TopUpRow, "rate" | "inverseRate" | "rateSource">): TopUpRate | null {
  if (t.rate === null && t.inverseRate === null) return null;
  return {
    rate: t.rate === null ? null : dec(t.rate),
    inverseRate: t.inverseRate === null ? null : dec(t.inverseRate),
    source: t.rateSource === "override" ? "override" : "asset",
  };
}
