import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import { withTransaction } from "@/lib/db/transaction";
import { resetEnvCache } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/run-due-jobs";
import { callApi, useDatabase } from "@/lib/testing/api-client";
import { testDatabases } from "@/lib/testing/databases";
import { createTestPlatform, type TestPlatform } from "@/lib/testing/fixtures";
import { startReceiver, type Receiver } from "@/lib/testing/http-receiver";
import { emitWebhookEvent } from "@/lib/webhooks/emit";

describe.each(testDatabases())("connect webhooks on $name", (target) => {
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
    platform = await createTestPlatform(database.db);
  });
  afterAll(async () => {
    await receiver.close();
    delete process.env.WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS;
    resetEnvCache();
    await database.close();
  });

  async function post(path: string, body: unknown, account?: string) {
    const res = await callApi("POST", `/api/v1${path}`, { key: platform.testKey, body, headers: account ? { "x-credyt-account": account } : {} });
    expect(res.status, res.text).toBe(201);
    return res.json;
  }

  /** Which destination (by the path it posts to) received which event, and how the event was marked. */
  async function deliveries(): Promise<{ to: string; id: string; account: unknown }[]> {
    receiver.received.length = 0;
    await drainJobs(database.db);
    return receiver.received
      .map((r) => ({ to: r.path, id: JSON.parse(r.body).id, account: JSON.parse(r.body).account }))
      .sort((a, b) => a.to.localeCompare(b.to));
  }

  it("sends an account's events to its own destinations and its parent's connect destinations, marked with the account", async () => {
    const a = (await post("/accounts", { name: "A" })).id;
    const b = (await post("/accounts", { name: "B" })).id;
    const own = await post("/webhooks", { url: `${receiver.url}/parent` });
    const connect = await post("/webhooks", { url: `${receiver.url}/connect`, connect: true });
    expect([own.connect, connect.connect]).toEqual([false, true]);
    await post("/webhooks", { url: `${receiver.url}/account-a` }, a);
    const emit = (platformId: string) =>
      withTransaction(database.db, (tx) => emitWebhookEvent(tx, { platformId, liveMode: false }, "subscription.activated", { customer_id: "cust_x" }));

    const inA = await emit(a);
    expect(await deliveries()).toEqual([
      { to: "/hooks/account-a", id: inA, account: undefined },
      { to: "/hooks/connect", id: inA, account: a },
    ]);
    const inB = await emit(b);
    expect(await deliveries()).toEqual([{ to: "/hooks/connect", id: inB, account: b }]);
    const inParent = await emit(platform.id);
    expect(await deliveries()).toEqual([{ to: "/hooks/parent", id: inParent, account: undefined }]);
    // Live-mode events of the same account reach no test-mode connect destination.
    await withTransaction(database.db, (tx) => emitWebhookEvent(tx, { platformId: a, liveMode: true }, "subscription.activated", {}));
    expect(await deliveries()).toEqual([]);
  });
});
