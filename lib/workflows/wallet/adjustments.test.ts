import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";

describe.each(testDatabases())("adjustments on $name", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
  });
  afterAll(() => database.close());

  async function customerWithKey() {
    const platform = await createTestPlatform(database.db);
    const created = await callApi("POST", "/api/v1/customers", { key: platform.testKey, body: { name: "Ada" } });
    expect(created.status).toBe(201);
    return { platform, key: platform.testKey, customerId: created.json.id as string };
  }

  it("credits and debits exactly, and the wallet shows the balance", async () => {
    const { key, customerId, platform } = await customerWithKey();
    const url = `/api/v1/customers/${customerId}/wallet/adjustments`;
    const a = await callApi("POST", url, { key, raw: `{"transaction_id":"t1","asset":"USD","amount":25.10,"reason":"external_topup"}` });
    expect(a.status).toBe(201);
    expect(a.json.id).toBe("t1");
    const b = await callApi("POST", url, { key, raw: `{"transaction_id":"t2","asset":"USD","amount":-0.3,"reason":"adjustment"}` });
    expect(b.status).toBe(201);
    const wallet = await callApi("GET", `/api/v1/customers/${customerId}/wallet`, { key });
    expect(wallet.text).toContain('"available":24.8');
    expect(wallet.json.accounts).toEqual([{ id: "default:USD", name: "default", asset: "USD", available: 24.8 }]);
    const account = await callApi("GET", `/api/v1/customers/${customerId}/wallet/default:USD`, { key });
    expect(account.json).toMatchObject({ id: "default:USD", available: 24.8, pending_in: 0, pending_out: 0 });
    expect(await findLedgerViolations(database.db, platform.id)).toEqual([]);
  });

  it("replays the same transaction_id without posting and refuses a different body", async () => {
    const { key, customerId } = await customerWithKey();
    const url = `/api/v1/customers/${customerId}/wallet/adjustments`;
    const body = { transaction_id: "same", asset: "USD", amount: 5, reason: "gift" };
    const first = await callApi("POST", url, { key, body });
    const again = await callApi("POST", url, { key, body });
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const different = await callApi("POST", url, { key, body: { ...body, amount: 6 } });
    expect(different.status).toBe(422);
    expect(different.json.errors.transaction_id).toBeDefined();
    const tx = await callApi("GET", `/api/v1/customers/${customerId}/wallet/default:USD/transactions`, { key });
    expect(tx.json.total_count).toBe(1);
    expect(tx.json.items[0]).toMatchObject({ amount: 5, balance_after: 5, category: "gift", reason: "gift" });
  });
});
