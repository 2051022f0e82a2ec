import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { usagePrice } from "@/lib/domain/catalog/usage-price";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { dec, type Decimal } from "@/lib/kernel/money";
import type { CustomerScope } from "@/lib/kernel/scope";
import { callApi } from "@/test/support/api-client";
import { createTestPlatform, type TestPlatform } from "@/test/support/fixtures";
import { portalSession } from "@/test/support/payments-fixtures";
import { findWalletAccount } from "@/lib/domain/wallet/get-wallet";
import { saveCard } from "./isolation-world";

export const EVENT_PRICE = dec("0.5");
export const AUTO = { customer: 2, threshold: dec("10"), amount: dec("25"), perDay: 24 };

/** The system under test: one platform per database, three customers (the third with auto top-up on a 4242 card). */
export interface Real {
  database: Database;
  platform: TestPlatform;
  key: string;
  customers: CustomerScope[];
}

/** The model: exact balances of each customer's default:USD account, and what the run did so far. */
export interface Model {
  balances: Decimal[];
  adjustments: { customer: number; body: { transaction_id: string; asset: string; amount: Decimal; reason: "gift" | "adjustment" } }[];
  batches: { customer: number; events: { id: string; event_type: string }[] }[];
  topUps: { id: string; customer: number; remaining: Decimal; paymentIntentId: string }[];
  refunds: { topUpId: string; key: string; amount: Decimal }[];
  autoCharges: number;
}

function ok(res: { status: number; text: string }, what: string): void {
  if (res.status >= 300) throw new Error(`setting up ${what}: ${res.status} ${res.text}`);
}

export async function setUpReal(database: Database): Promise<Real> {
  const platform = await createTestPlatform(database.db);
  const key = platform.testKey;
  ok(await callApi("PUT", "/api/v1/platform/settings", { key, body: { auto_top_up: { max_charges_per_day: AUTO.perDay } } }), "settings");
  const price = usagePrice("Calls", "api_call", { usage_type: "unit" }, [{ asset: "USD", values: [{ unit_price: Number(EVENT_PRICE) }] }]);
  ok(await callApi("POST", "/api/v1/products", { key, body: { name: "Calls", code: "calls", prices: [price], publish: true } }), "product");
  const customers: CustomerScope[] = [];
  for (const name of ["plain-1", "plain-2", "auto"]) {
    const res = await callApi("POST", "/api/v1/customers", { key, body: { name, subscriptions: [{ products: [{ code: "calls" }] }] } });
    ok(res, name);
    customers.push({ ...platform.scope, customerId: res.json.id });
  }
  const auto = customers[AUTO.customer]!;
  const portal = await portalSession(database, { platform, key, customerId: auto.customerId, scope: auto });
  const paymentMethodId = await saveCard(portal);
  const settings = { enabled: true, threshold: AUTO.threshold.toNumber(), amount: AUTO.amount.toNumber(), payment_method_id: paymentMethodId, consent: true, confirm_immediate_charge: true };
  ok(await portal("PUT", "/api/portal/auto-top-up/default:USD", { body: settings }), "auto top-up");
  return { database, platform, key, customers };
}

async function balanceOf(real: Real, customer: number): Promise<Decimal> {
  return (await findWalletAccount(real.database.db, real.customers[customer]!, "default:USD"))?.available ?? dec("0");
}

/** A model that starts where the real ledger stands now (runs share the customers, not the history). */
export async function freshModel(real: Real): Promise<Model> {
  const balances = await Promise.all(real.customers.map((_, i) => balanceOf(real, i)));
  return { balances, adjustments: [], batches: [], topUps: [], refunds: [], autoCharges: 0 };
}

/** After a debit of the auto customer: the charge the model expects auto top-up to make. */
export function expectAutoTopUp(model: Model, customer: number): void {
  if (customer !== AUTO.customer) return;
  if (!model.balances[customer]!.lt(AUTO.threshold) || model.autoCharges >= AUTO.perDay) return;
  model.balances[customer] = model.balances[customer]!.plus(AUTO.amount);
  model.autoCharges++;
}

/** Every invariant of the ledger, and exact parity of every balance with the model. */
export async function checkAll(real: Real, model: Model, step: string): Promise<void> {
  expect(await findLedgerViolations(real.database.db, real.platform.id), step).toEqual([]);
  const rows = rowsOf<{ owner: string; balance: string }>(
    await real.database.db.execute(sql`SELECT owner, balance::text AS balance FROM ledger_accounts
      WHERE platform_id = ${real.platform.id} AND name = 'default' AND asset_code = 'USD' AND owner <> 'system'`),
  );
  const stored = new Map(rows.map((r) => [r.owner, dec(r.balance)]));
  const actual = real.customers.map((c) => (stored.get(c.customerId) ?? dec("0")).toString());
  expect(actual, step).toEqual(model.balances.map((b) => b.toString()));
}
