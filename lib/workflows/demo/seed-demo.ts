import { now as clockNow } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { createAsset } from "@/lib/domain/assets/create-asset";
import { createCustomer } from "@/lib/workflows/subscriptions/create-customer";
import { ingestEvents } from "@/lib/workflows/events/ingest";
import { ingestEventsSchema, MAX_EVENTS_PER_REQUEST } from "@/lib/workflows/events/schemas";
import { parseJsonText } from "@/lib/kernel/json";
import { postTransfers } from "@/lib/domain/ledger";
import { listWalletAccounts } from "@/lib/domain/wallet/get-wallet";
import { dec } from "@/lib/kernel/money";
import { createPlatform } from "@/lib/domain/platforms/create-platform";
import { replacePlatformSettings } from "@/lib/domain/platforms/settings";
import { platformSettingsSchema } from "@/lib/domain/platforms/settings-schema";
import type { PlatformScope } from "@/lib/kernel/scope";
import { DEMO_PRODUCT_CODES, seedDemoCatalog } from "./demo-products";
import { DAY_MS, history, type Movement } from "./demo-history";
import { usage, type DemoEvent } from "./demo-usage";

export interface DemoCredentials {
  platformId: string;
  apiKey: string;
  customers: { id: string; name: string }[];
}

const CUSTOMERS = [
  { name: "Ada Lovelace", external_id: "user_1001", email: "ada@example.com", intensity: 1.4 },
  { name: "Grace Hopper", external_id: "user_1002", email: "grace@example.com", intensity: 1 },
  { name: "Alan Turing", external_id: "user_1003", email: "alan@example.com", intensity: 0.6 },
];

async function postMovement(db: Db, scope: PlatformScope, customerId: string, m: Movement, i: number): Promise<void> {
  const amount = dec(m.amount);
  const wallet = { kind: "wallet" as const, customerId, name: "default", asset: m.asset };
  const system = { kind: "system" as const, name: m.system, asset: m.asset, shardKey: customerId };
  const transfer = {
    idempotencyKey: `adj:demo-${customerId}-${i}`,
    category: m.category,
    asset: m.asset,
    amount: amount.abs(),
    from: amount.gt(0) ? system : wallet,
    to: amount.gt(0) ? wallet : system,
    customerId,
    description: m.description,
    reference: { type: "adjustment", id: `demo-${customerId}-${i}` },
  };
  await withTransaction(db, (tx) => postTransfers(tx, scope, [transfer], { at: m.at }));
}

async function postUsage(db: Db, scope: PlatformScope, customerId: string, events: DemoEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += MAX_EVENTS_PER_REQUEST) {
    const body = { customer_id: customerId, events: events.slice(i, i + MAX_EVENTS_PER_REQUEST).map((e) => e.body) };
    await ingestEvents(db, scope, ingestEventsSchema.parse(parseJsonText(JSON.stringify(body))), { backdate: true });
  }
}

/**
 * The demo customers top up when they run low: a balance that ends a stretch of usage below its floor
 * is topped up at once, so the wallets the portal opens on are healthy and their history shows why.
 */
const TOP_UPS: Record<string, { floor: number; amount: string; description: string }> = {
  USD: { floor: 40, amount: "50", description: "Card top-up" },
  CREDIT: { floor: 600, amount: "1000", description: "Credit pack" },
};

async function topUpsWhenLow(db: Db, scope: PlatformScope, customerId: string, after: Date): Promise<Movement[]> {
  const accounts = await listWalletAccounts(db, { ...scope, customerId });
  return accounts.flatMap((a) => {
    const rule = TOP_UPS[a.asset];
    if (!rule || a.available.gte(rule.floor)) return [];
    // Right after the usage and never after the next movement, which is later than every event before it.
    const at = new Date(after.getTime() + 1);
    return [{ at, asset: a.asset, amount: rule.amount, system: "funding" as const, category: "top_up" as const, description: rule.description }];
  });
}

/**
 * Posts a customer's money movements and usage in time order, so every balance_after in the ledger
 * follows the clock: the usage between two movements goes in as one backdated request, followed by
 * the top-ups it calls for.
 */
async function postTimeline(db: Db, scope: PlatformScope, customerId: string, moves: Movement[], events: DemoEvent[]): Promise<void> {
  let next = 0;
  let posted = 0;
  const usageUntil = async (end: number) => {
    if (end <= next) return;
    await postUsage(db, scope, customerId, events.slice(next, end));
    for (const topUp of await topUpsWhenLow(db, scope, customerId, events[end - 1]!.at)) await postMovement(db, scope, customerId, topUp, posted++);
    next = end;
  };
  for (const move of moves) {
    let end = next;
    while (end < events.length && events[end]!.at < move.at) end++;
    await usageUntil(end);
    await postMovement(db, scope, customerId, move, posted++);
  }
  await usageUntil(events.length);
}

/** Creates the demo platform, its CREDIT asset, products, three subscribed customers and six months of their history. */
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
  await seedDemoCatalog(db, scope);
  // Customers may see their spend by model and by API key: both travel on every demo event.
  const spend_lanes = [{ dimension: "model", label: "Model" }, { dimension: "api_key", label: "API key" }];
  await replacePlatformSettings(db, scope, platformSettingsSchema.parse({ spend_lanes }));
  const customers: DemoCredentials["customers"] = [];
  for (const [i, { intensity, ...c }] of CUSTOMERS.entries()) {
    const subscriptions = [{ products: DEMO_PRODUCT_CODES.map((code) => ({ code })) }];
    const row = await createCustomer(db, scope, { ...c, metadata: { plan: "demo" }, subscriptions });
    await postTimeline(db, scope, row.id, history(1000 + i, now), usage(2000 + i, `demo-${i + 1}`, intensity, now));
    customers.push({ id: row.id, name: c.name });
  }
  return { platformId: platform.id, apiKey: platform.testKey, customers };
}
