import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, resetClock } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { resetEnvCache } from "@/lib/kernel/env";
import { drainJobs } from "@/lib/kernel/jobs/run-due-jobs";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform, type TestPlatform } from "@/test/support/fixtures";
import { startReceiver, type Receiver } from "@/test/support/http-receiver";
import { emitWebhookEvent } from "./emit";
import { verifySignature } from "./signature";

describe.each(testDatabases())("platform webhooks on $name", (target) => {
  let database: Database;
  let receiver: Receiver;
  let platform: TestPlatform;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    // The receiver runs on this machine: allowed explicitly, as an operator would for local development.
    process.env.WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS = "1";
    resetEnvCache();
    receiver = await startReceiver();
    await drainJobs(database.db);
  });
  afterAll(async () => {
    await receiver.close();
    delete process.env.WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS;
    resetEnvCache();
    await database.close();
  });
  afterEach(() => {
    resetClock();
    receiver.received.length = 0;
  });

  async function destination(topics?: string[]) {
    platform = await createTestPlatform(database.db);
    const res = await callApi("POST", "/api/v1/webhooks", { key: platform.testKey, body: { url: receiver.url, ...(topics ? { topics } : {}) } });
    expect(res.status).toBe(201);
    expect(res.json.secret).toMatch(/^whsec_[0-9a-z]{32}$/);
    return res.json as { id: string; secret: string };
  }

  const emit = (type: Parameters<typeof emitWebhookEvent>[2], data: Record<string, unknown>) =>
    withTransaction(database.db, (tx) => emitWebhookEvent(tx, platform.scope, type, data));

  it("delivers a signed envelope that verifies with the documented scheme", async () => {
    const dest = await destination();
    const eventId = await emit("subscription.activated", { customer_id: "cust_x", subscription_id: "sub_y" });
    await drainJobs(database.db);
    expect(receiver.received).toHaveLength(1);
    const { headers, body } = receiver.received[0]!;
    expect(JSON.parse(body)).toEqual({
      id: eventId,
      type: "subscription.activated",
      created: expect.any(String),
      live_mode: false,
      data: { customer_id: "cust_x", subscription_id: "sub_y" },
    });
    const header = String(headers["credyt-signature"]);
    expect(header).toMatch(/^t=\d+,v0=[0-9a-f]{64}$/);
    expect(verifySignature(dest.secret, header, body, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature(dest.secret, header, body.replace("sub_y", "sub_z"), Math.floor(Date.now() / 1000))).toBe(false);
    expect(verifySignature("whsec_wrong", header, body, Math.floor(Date.now() / 1000))).toBe(false);
  });

  it("retries after a failing endpoint comes back, with the same event id, and logs every attempt", async () => {
    const dest = await destination();
    receiver.failNext(2, 503);
    const eventId = await emit("top_up.completed", { top_up_id: "top_1" });
    await drainJobs(database.db);
    expect(receiver.received).toHaveLength(1);
    advanceClock(60_000);
    await drainJobs(database.db);
    advanceClock(120_000);
    await drainJobs(database.db);
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => JSON.parse(r.body).id))).toEqual(new Set([eventId]));
    const log = await callApi("GET", `/api/v1/webhooks/${dest.id}/deliveries`, { key: platform.testKey });
    expect(log.json.items[0]).toMatchObject({ event_id: eventId, type: "top_up.completed", status: "delivered", attempts: 3, last_status: 200 });
  });

  it("sends only the topics a destination subscribed to", async () => {
    await destination(["subscription.*"]);
    await emit("top_up.completed", { top_up_id: "top_2" });
    await emit("subscription.canceled", { subscription_id: "sub_2" });
    await drainJobs(database.db);
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(["subscription.canceled"]);
  });

  it("an event emitted in a rolled-back transaction is never sent", async () => {
    await destination();
    await expect(
      withTransaction(database.db, async (tx) => {
        await emitWebhookEvent(tx, platform.scope, "wallet.balance_low", { account_id: "default:USD" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await drainJobs(database.db);
    expect(receiver.received).toHaveLength(0);
  });

  it("refuses bad destinations and hides other platforms' ones", async () => {
    const dest = await destination();
    const other = await createTestPlatform(database.db);
    expect((await callApi("GET", `/api/v1/webhooks/${dest.id}`, { key: other.testKey })).status).toBe(404);
    expect((await callApi("GET", `/api/v1/webhooks/${dest.id}`, { key: platform.testKey })).json.secret).toBe(dest.secret);
    for (const body of [{ url: "ftp://x.example.com" }, { url: "https://ok.example.com", topics: ["nope.event"] }, { url: "//evil.com" }]) {
      expect((await callApi("POST", "/api/v1/webhooks", { key: platform.testKey, body })).status).toBe(422);
    }
    expect((await callApi("POST", "/api/v1/webhooks", { key: platform.liveKey, body: { url: "http://plain.example.com" } })).status).toBe(422);
  });
});
