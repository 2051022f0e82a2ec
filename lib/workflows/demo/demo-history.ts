import type { SystemAccountName, TransferCategory } from "@/lib/domain/ledger";
import { seededRandom } from "./random";

export const DAY_MS = 86_400_000;

export interface Movement {
  at: Date;
  asset: string;
  amount: string;
  system: SystemAccountName;
  category: TransferCategory;
  description: string;
}

/** Roughly six months of top-ups, gifts, refunds and corrections for one customer, oldest first. */
export function history(seed: number, now: Date): Movement[] {
  const random = seededRandom(seed);
  // The customer funds the wallet before the first use (usage starts 180 days ago).
  const joined = new Date(now.getTime() - 181 * DAY_MS);
  const out: Movement[] = [
    { at: joined, asset: "USD", amount: "50", system: "funding", category: "top_up", description: "Card top-up" },
    { at: joined, asset: "CREDIT", amount: "500", system: "promotions", category: "gift", description: "Welcome credits" },
  ];
  for (let daysAgo = 180; daysAgo > 0; daysAgo -= 7) {
    const at = new Date(now.getTime() - daysAgo * DAY_MS + Math.floor(random() * 8 * 3_600_000));
    if (daysAgo % 28 < 7) out.push({ at, asset: "USD", amount: "50", system: "funding", category: "top_up", description: "Card top-up" });
    out.push({ at, asset: "CREDIT", amount: String(100 + Math.floor(random() * 4) * 50), system: "promotions", category: "gift", description: "Weekly bonus credits" });
    if (random() < 0.3) {
      const cents = (5 + Math.floor(random() * 900)) / 100;
      out.push({ at: new Date(at.getTime() + 3_600_000), asset: "USD", amount: `-${cents.toFixed(2)}`, system: "adjustments", category: "adjustment", description: "Support session" });
    }
    if (daysAgo === 95) out.push({ at, asset: "USD", amount: "-10", system: "refunds", category: "refund", description: "Refund of a duplicate charge" });
  }
  return out;
}
