import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { resetEnvCache } from "@/lib/kernel/env";
import { EXPIRE_GRANT_JOB } from "@/lib/domain/grants/types";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import { registerJob, registeredKinds } from "@/lib/kernel/jobs/registry";
import { drainJobs } from "@/lib/kernel/jobs/run-due-jobs";
import { DELIVERY_SLOTS_PER_PLATFORM, startJobRunner, type Runner } from "@/lib/kernel/jobs/runner";
import { RESUME_ATTEMPT_JOB, RETRY_AUTO_TOP_UP_JOB } from "@/lib/domain/payments/job-kinds";
import { SEND_EMAIL_JOB } from "@/lib/domain/notifications/queue";
import { RENEW_JOB } from "@/lib/workflows/subscriptions/store";
import { callApi, useDatabase } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform, type TestPlatform } from "@/test/support/fixtures";
import { startHangingReceiver, startReceiver, type HangingReceiver, type Receiver } from "@/test/support/http-receiver";
import { DELIVER_JOB, DELIVERY_TIMEOUT_MS } from "./deliver";
import { emitWebhookEvent } from "./emit";

const MONEY_PROBE = "test.money-probe";
/** When each probe ran (performance.now()), by tag. */
const moneyDone = new Map<string, number>();
registerJob(MONEY_PROBE, async (_db, payload) => {
  moneyDone.set(String(payload.tag), performance.now());
});

describe.each(testDatabases())("a hanging webhook endpoint on $name", (target) => {
  let database: Database;
  let hanging: HangingReceiver;
  let receiver: Receiver;
  let slow: TestPlatform;
  let other: TestPlatform;
  let runner: Runner | undefined;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    // The receivers run on this machine.
    process.env.WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS = "1";
    resetEnvCache();
    await drainJobs(database.db);
    [hanging, receiver] = await Promise.all([startHangingReceiver(), startReceiver()]);
    slow = await createTestPlatform(database.db);
    other = await createTestPlatform(database.db);
    for (const [platform, url] of [[slow, hanging.url], [other, receiver.url]] as const) {
      expect((await callApi("POST", "/api/v1/webhooks", { key: platform.testKey, body: { url } })).status).toBe(201);
    }
  });
  afterAll(async () => {
    await hanging.close();
    await runner?.stop();
    await database.db.execute(sql`UPDATE jobs SET status = 'done' WHERE kind = ${DELIVER_JOB} AND status IN ('pending', 'running')`);
    await receiver.close();
    delete process.env.WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS;
    resetEnvCache();
    await database.close();
  });

  const emit = (platform: TestPlatform, n: number) =>
    withTransaction(database.db, (tx) => emitWebhookEvent(tx, platform.scope, "top_up.completed", { top_up_id: `top_${n}` }));

  it("delays neither another platform's delivery nor a money job, and gives up on it after the timeout", async () => {
    for (let n = 0; n < 30; n++) await emit(slow, n);
    runner = startJobRunner(database.db);
    // The slow platform's deliveries now hang, as many as its cap allows.
    await vi.waitFor(() => expect(hanging.requests()).toBe(DELIVERY_SLOTS_PER_PLATFORM), { timeout: 60_000, interval: 10 });
    await emit(other, 1);
    const tag = `${target.name}-${Math.random()}`;
    await enqueueJob(database.db, { kind: MONEY_PROBE, payload: { tag } });
    runner.kick();
    // Generous ceilings for a busy machine; what proves the point is the order below, not the time taken.
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 60_000, interval: 10 });
    await vi.waitFor(() => expect(moneyDone.has(tag)).toBe(true), { timeout: 60_000, interval: 10 });
    // Both were done while every hanging delivery still held its slot: neither waited for one to free up.
    const firstFreed = hanging.firstClosedAt() ?? Infinity;
    expect(receiver.received[0]!.at).toBeLessThan(firstFreed);
    expect(moneyDone.get(tag)!).toBeLessThan(firstFreed);
    // The hanging attempts end at the delivery timeout, recorded without any detail of the network.
    const failed = async () =>
      rowsOf<{ last_error: string | null }>(
        await database.db.execute(sql`
          SELECT d.last_error FROM webhook_deliveries d JOIN webhook_destinations w ON w.id = d.destination_id
          WHERE w.platform_id = ${slow.id} AND d.attempts > 0`),
      );
    await vi.waitFor(async () => expect((await failed()).length).toBeGreaterThanOrEqual(1), { timeout: DELIVERY_TIMEOUT_MS + 60_000, interval: 50 });
    expect((await failed()).map((r) => r.last_error)).toContain("timed out");
  });

  it("runs every money job kind in the money lane and only outbound deliveries (webhooks, emails) in the deliveries lane", () => {
    expect([...registeredKinds("deliveries")].sort()).toEqual([SEND_EMAIL_JOB, DELIVER_JOB].sort());
    expect(registeredKinds("money")).toEqual(expect.arrayContaining([RESUME_ATTEMPT_JOB, RETRY_AUTO_TOP_UP_JOB, EXPIRE_GRANT_JOB, RENEW_JOB, MONEY_PROBE]));
    expect(registeredKinds("money").length + 2).toBe(registeredKinds().length);
  });
});
