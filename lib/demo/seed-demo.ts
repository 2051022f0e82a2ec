import { now as clockNow } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { withTransaction } from "@/lib/db/transaction";
import { createAsset } from "@/lib/assets/create-asset";
import { createCustomer } from "@/lib/customers/create-customer";
import { postTransfers, type TransferCategory, type SystemAccountName } from "@/lib/ledger";
import { dec } from "@/lib/money";
import { createPlatform } from "@/lib/platforms/create-platform";
import type { PlatformScope } from "@/lib/scope";
import { seededRandom } from "./random";

export interface DemoCredentials {
  platformId: string;
  apiKey: string;
  customers: { id: string; name: string }[];
}

const DAY_MS = 86_400_000;
const CUSTOMERS = [
  { name: "Ada Lovelace", external_id: "user_1001", email: "ada@example.com" },
  { name: "Grace Hopper", external_id: "user_1002", email: "grace@example.com" },
  { name: "Alan Turing", external_id: "user_1003", email: "alan@example.com" },
];

interface Movement {
  at: Date;
  asset: string;
  amount: string;
  system: SystemAccountName;
  category: TransferCategory;
  description: string;
}

/** Roughly six months of top-ups, gifts, refunds and corrections for one customer, oldest first. */
function history(seed: number, now: Date): Movement[] {
  const random = seededRandom(seed);
  const out: Movement[] = [];
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

async function postHistory(db: Db, scope: PlatformScope, customerId: string, moves: Movement[]): Promise<void> {
  for (const [i, m] of moves.entries()) {
    const amount = dec(m.amount);
    const wallet = { kind: "wallet" as const, customerId, name: "default", asset: m.asset };
    const system = { kind: "system" as const, name: m.system, asset: m.asset, shardKey: customerId };
    await withTransaction(db, (tx) =>
      postTransfers(
        tx,
        scope,
        [{
          idempotencyKey: `adj:demo-${customerId}-${i}`,
          category: m.category,
          asset: m.asset,
          amount: amount.abs(),
          from: amount.gt(0) ? system : wallet,
          to: amount.gt(0) ? wallet : system,
          customerId,
          description: m.description,
          reference: { type: "adjustment", id: `demo-${customerId}-${i}` },
        }],
        { at: m.at },
      ),
    );
  }
}

/** Creates the demo platform, its CREDIT asset, three customers and their history. */
export async function seedDemo(db: Db, now = clockNow()): Promise<DemoCredentials> {
  const platform = await createPlatform(db, {
    name: "Glitch AI",
    branding: {
      name: "Glitch AI",
      primary_color: "#7c3aed",
      accent_color: "#0891b2",
      theme: "system",
      home_url: "https://glitch.example.com/account",
      support_url: "https://glitch.example.com/support",
      terms_url: "https://glitch.example.com/terms",
      privacy_url: "https://glitch.example.com/privacy",
    },
  });
  const scope = { platformId: platform.id, liveMode: false };
  await createAsset(db, scope, {
    code: "CREDIT",
    name: "Credits",
    precision: 0,
    symbol: "⭐",
    label: "CR",
    rates: [{ source: "USD", rate: dec("0.05"), inverse_rate: undefined, effective_at: new Date(now.getTime() - 365 * DAY_MS) }],
  });
  const customers: DemoCredentials["customers"] = [];
  for (const [i, c] of CUSTOMERS.entries()) {
    const row = await createCustomer(db, scope, { ...c, metadata: { plan: "demo" } });
    await postHistory(db, scope, row.id, history(1000 + i, now));
    customers.push({ id: row.id, name: c.name });
  }
  return { platformId: platform.id, apiKey: platform.testKey, customers };
}
