import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import { eventId, sendEvents, billingSuite, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";

describe.each(testDatabases())("usage events on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  billingSuite(target, undefined, (d, s) => {
    database = d;
    setup = s;
  });

  async function balance(customerId: string, asset: string) {
    const res = await callApi("GET", `/api/v1/customers/${customerId}/wallet/default:${asset}`, { key: setup.key });
    expect(res.status, res.text).toBe(200);
    return res.text.match(/"available":(-?[0-9.]+)/)![1];
  }

  it.each([
    ["unit $2.50 per video", "video_gen_std", { event_type: "video_generated", data: { video_id: "v1" } }, "USD", "-2.5", "2.5"],
    ["volume $0.001 × 1,500 tokens", "chat_service_std", { event_type: "message_completed", data: { total_tokens: 1500 } }, "USD", "-1.5", "1.5"],
    ["gpt-4 $0.03 × 2,000 tokens", "chat_multimodel", { event_type: "model_message", data: { total_tokens: 2000, model: "gpt-4" } }, "USD", "-60", "60"],
    ["gpt-3.5 $0.001 × 2,000 tokens", "chat_multimodel", { event_type: "model_message", data: { total_tokens: 2000, model: "gpt-3.5" } }, "USD", "-2", "2"],
    ["1,000,000 tokens at $1.25 per 1M", "openai_api_gpt", { event_type: "response_completed", data: { input_tokens: 1000000, output_tokens: 0 } }, "USD", "-1.25", "1.25"],
    ["CREDIT at 10 per image", "image_gen_std", { event_type: "image_generated", data: {} }, "CREDIT", "-10", "10"],
  ])("debits the seed's example exactly: %s", async (_label, code, event, asset, after, fee) => {
    const customerId = await subscribedCustomer(setup.key, [code]);
    const id = eventId();
    const res = await sendEvents(setup.key, customerId, [{ id, occurred_at: "2025-10-17T21:21:27.024729Z", subject: "s1", description: "d", ...event }]);
    expect(res.status, res.text).toBe(201);
    expect(res.json.items[0].status).toBe("billed");
    expect(res.text).toContain(`"amount":${fee},`);
    expect(res.json.balances).toEqual([{ account_id: `default:${asset}`, asset, available: Number(after) }]);
    expect(await balance(customerId, asset)).toBe(after);
    const detail = await callApi("GET", `/api/v1/events/${id}`, { key: setup.key });
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ id, customer_id: customerId, status: "billed", occurred_at: "2025-10-17T21:21:27.024Z" });
    expect(detail.json.fees.map((f: { amount: number }) => f.amount).reduce((a: number, b: number) => a + b, 0)).toBe(Number(fee));
    expect(await findLedgerViolations(database.db, setup.platform.id)).toEqual([]);
  });
});
