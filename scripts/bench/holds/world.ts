import { sql } from "drizzle-orm";
import type { Db } from "../../../lib/kernel/db";
import { rowsOf } from "../../../lib/kernel/db/rows";
import { usagePrice } from "../../../lib/domain/catalog/usage-price";
import { findLedgerViolations } from "../../../lib/domain/ledger";
import { createPlatform } from "../../../lib/domain/platforms/create-platform";
import { callApi } from "../../../test/support/api-client";

export interface HoldsWorld {
  platformId: string;
  key: string;
  /** One customer per client, each with a funded wallet, and one shared hot customer with a hard-stopped budget. */
  customers: string[];
  hot: string;
}

function ok<T extends { status: number; text: string }>(res: T, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text.slice(0, 300)}`);
  return res;
}

async function fundedCustomer(key: string, tag: string): Promise<string> {
  const created = ok(await callApi("POST", "/api/v1/customers", { key, body: { name: tag, subscriptions: [{ products: [{ code: "video" }] }] } }), "customer");
  const id = created.json.id as string;
  ok(await callApi("POST", `/api/v1/customers/${id}/wallet/adjustments`, { key, body: { transaction_id: `fund-${id}`, asset: "USD", amount: 1_000_000, reason: "gift" } }), "fund");
  return id;
}

/** A platform with a $0.25-per-video price, a funded customer per client, and a hot customer whose budget has a hard stop. */
export async function seedHoldsWorld(db: Db, clients: number): Promise<HoldsWorld> {
  const platform = await createPlatform(db, { name: "Holds bench" });
  const key = platform.testKey;
  const price = usagePrice("Video", "video_generated", { usage_type: "unit" }, [{ asset: "USD", values: [{ unit_price: 0.25 }] }]);
  ok(await callApi("POST", "/api/v1/products", { key, body: { name: "Video", code: "video", prices: [price], publish: true } }), "product");
  const customers: string[] = [];
  for (let c = 0; c < clients; c++) customers.push(await fundedCustomer(key, `client-${c}`));
  const hot = await fundedCustomer(key, "hot");
  ok(await callApi("PUT", `/api/v1/customers/${hot}/wallet/default:USD/budget`, { key, body: { limit: 1_000_000, period: "month", hard_stop: true } }), "budget");
  return { platformId: platform.id, key, customers, hot };
}

let seq = 0;
const expiresAt = () => new Date(Date.now() + 3_600_000).toISOString();

/** One reserve + settle pair through the route handlers: POST …/holds, then the usage event that settles it. */
export async function holdPair(w: HoldsWorld, customerId: string): Promise<void> {
  const hold = ok(await callApi("POST", `/api/v1/customers/${customerId}/wallet/holds`, { key: w.key, body: { asset: "USD", amount: 1, subject: "render", expires_at: expiresAt() } }), "hold");
  const event = { id: `pair-${++seq}-${customerId}`, event_type: "video_generated", hold_id: hold.json.id };
  const res = ok(await callApi("POST", "/api/v1/events", { key: w.key, body: { customer_id: customerId, events: [event] } }), "settle");
  if (res.json.items[0].status !== "billed") throw new Error(`settle: ${res.text}`);
}

/** One usage event without a hold: the same-run reference for what the guardrails add. */
export async function plainEvent(w: HoldsWorld, customerId: string): Promise<void> {
  const event = { id: `plain-${++seq}-${customerId}`, event_type: "video_generated" };
  const res = ok(await callApi("POST", "/api/v1/events", { key: w.key, body: { customer_id: customerId, events: [event] } }), "event");
  if (res.json.items[0].status !== "billed") throw new Error(`event: ${res.text}`);
}

/**
 * The database ceiling of a pair: the SQL a reserve and a settle cannot do without, replayed without HTTP,
 * auth or pricing: lock the wallet row and write the hold; lock it again, end the hold and move the balance.
 */
export async function sqlPair(db: Db, accountId: number): Promise<void> {
  const id = `bench-${++seq}`;
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT balance FROM ledger_accounts WHERE id = ${accountId} FOR UPDATE`);
    await tx.execute(sql`INSERT INTO wallet_holds (id, platform_id, live_mode, account_id, customer_id, account_name, asset_code, amount, status, expires_at)
      SELECT ${id}, platform_id, live_mode, id, owner, name, asset_code, 1, 'active', now() + interval '1 hour' FROM ledger_accounts WHERE id = ${accountId}`);
  });
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT balance FROM ledger_accounts WHERE id = ${accountId} FOR UPDATE`);
    await tx.execute(sql`UPDATE wallet_holds SET status = 'released', resolved_at = now() WHERE id = ${id}`);
    await tx.execute(sql`UPDATE ledger_accounts SET balance = balance, version = version WHERE id = ${accountId}`);
  });
}

export async function walletAccountId(db: Db, customerId: string): Promise<number> {
  const [row] = rowsOf<{ id: string | number }>(await db.execute(sql`SELECT id FROM ledger_accounts WHERE owner = ${customerId} AND name = 'default' AND asset_code = 'USD'`));
  return Number(row!.id);
}

/** The run counts only if the ledger is sound, no hold is left active and every settled hold charged its event's fee. */
export async function holdsGate(db: Db, w: HoldsWorld): Promise<string[]> {
  const out = await findLedgerViolations(db, w.platformId);
  const [row] = rowsOf<{ active: string | number; wrong: string | number }>(
    await db.execute(sql`SELECT count(*) FILTER (WHERE status = 'active') AS active, count(*) FILTER (WHERE status = 'settled' AND settled_amount <> 0.25) AS wrong
      FROM wallet_holds WHERE platform_id = ${w.platformId}`),
  );
  if (Number(row!.active) > 0) out.push(`${row!.active} holds left active`);
  if (Number(row!.wrong) > 0) out.push(`${row!.wrong} holds settled at the wrong amount`);
  return out;
}
