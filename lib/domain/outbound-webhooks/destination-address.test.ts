import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { resetEnvCache } from "@/lib/kernel/env";
import { drainJobs } from "@/lib/kernel/jobs/run-due-jobs";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform, type TestPlatform } from "@/test/support/fixtures";
import { startReceiver, type Receiver } from "@/test/support/http-receiver";
import { isPublicAddress } from "./destination-address";
import { emitWebhookEvent } from "./emit";

const INTERNAL = [
  "http://127.0.0.1:1/",
  "http://127.1:8080/",
  "http://0.0.0.0:5432/",
  "http://0/",
  "http://2130706433:80/",
  "http://0x7f000001/",
  "http://017700000001/",
  "http://[::1]/",
  "http://[::]/",
  "http://[::ffff:127.0.0.1]/",
  "http://[::ffff:7f00:1]/",
  "http://[64:ff9b::7f00:1]/",
  "http://[2002:7f00:1::]/",
  "http://169.254.169.254/latest/meta-data/",
  "http://[fe80::1]/",
  "http://10.0.0.1/",
  "http://172.16.0.1/",
  "http://192.168.1.1/",
  "http://100.64.0.1/",
  "http://[fd00::1]/",
  "http://224.0.0.1/",
  "http://255.255.255.255/",
  "http://localhost:3000/",
  "http://api.localhost/",
];

describe("webhook destination addresses", () => {
  it.each([
    ["8.8.8.8", true],
    ["2606:4700::1111", true],
    ["::ffff:8.8.8.8", true],
    ["127.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["169.254.169.254", false],
    ["fc00::1", false],
    ["not an address", false],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe.each(testDatabases())("internal webhook destinations on $name", (target) => {
  let database: Database;
  let platform: TestPlatform;
  let receiver: Receiver;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    await drainJobs(database.db);
    platform = await createTestPlatform(database.db);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await database.close();
  });
  afterEach(() => {
    delete process.env.WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS;
    resetEnvCache();
  });

  it.each(INTERNAL)("refuses %s with 422", async (url) => {
    const res = await callApi("POST", "/api/v1/webhooks", { key: platform.testKey, body: { url } });
    expect(res.status).toBe(422);
    expect(res.json.errors.url).toBeDefined();
  });

  it("refuses https://127.0.0.1 in live mode, and accepts public addresses and names", async () => {
    expect((await callApi("POST", "/api/v1/webhooks", { key: platform.liveKey, body: { url: "https://127.0.0.1/" } })).status).toBe(422);
    for (const url of ["https://93.184.215.14/in", "https://hooks.example.com/in", "https://[2606:4700::1111]/in"]) {
      expect((await callApi("POST", "/api/v1/webhooks", { key: platform.liveKey, body: { url } })).status).toBe(201);
    }
  });

  it("connects to no internal address at delivery either, whatever the name resolves to then, and says only that in the log", async () => {
    // Registered while an operator allowed private destinations (or resolving elsewhere then): delivery checks again.
    process.env.WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS = "1";
    resetEnvCache();
    const local = receiver.url.replace("127.0.0.1", "localhost");
    const ids: string[] = [];
    for (const url of [receiver.url, local]) {
      const created = await callApi("POST", "/api/v1/webhooks", { key: platform.testKey, body: { url } });
      expect(created.status).toBe(201);
      ids.push(created.json.id);
    }
    delete process.env.WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS;
    resetEnvCache();
    await withTransaction(database.db, (tx) => emitWebhookEvent(tx, platform.scope, "top_up.completed", { top_up_id: "top_x" }));
    await drainJobs(database.db);
    expect(receiver.received).toHaveLength(0);
    for (const id of ids) {
      const log = await callApi("GET", `/api/v1/webhooks/${id}/deliveries`, { key: platform.testKey });
      expect(log.json.items[0]).toMatchObject({ attempts: 1, last_status: null, last_error: "destination address not allowed" });
    }
  });

  it("tells a platform nothing about which internal port answered, even where private destinations are allowed", async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS = "1";
    resetEnvCache();
    const other = await createTestPlatform(database.db);
    const created = await callApi("POST", "/api/v1/webhooks", { key: other.testKey, body: { url: "http://127.0.0.1:1/" } });
    expect(created.status).toBe(201);
    await withTransaction(database.db, (tx) => emitWebhookEvent(tx, other.scope, "top_up.completed", { top_up_id: "top_y" }));
    await drainJobs(database.db);
    const log = await callApi("GET", `/api/v1/webhooks/${created.json.id}/deliveries`, { key: other.testKey });
    expect(log.json.items[0]).toMatchObject({ attempts: 1, last_error: "connection failed" });
    await database.db.execute(sql`UPDATE webhook_destinations SET disabled_at = now() WHERE platform_id = ${other.id}`);
  });
});
