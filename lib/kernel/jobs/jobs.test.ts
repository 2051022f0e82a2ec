import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { advanceClock, resetClock } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { testDatabases } from "@/test/support/databases";
import { enqueueJob } from "./enqueue";
import { registerJob } from "./registry";
import { drainJobs, runDueJobs } from "./run-due-jobs";

const seen: string[] = [];
let failuresLeft = 0;
registerJob("test.record", async (_db, payload) => {
  if (failuresLeft > 0) {
    failuresLeft--;
    throw new Error("temporarily broken");
  }
  seen.push(String(payload.label));
});

async function statusOf(database: Database, id: number) {
  const [row] = rowsOf<{ status: string; attempts: number; last_error: string | null }>(
    await database.db.execute(sql`SELECT status, attempts, last_error FROM jobs WHERE id = ${id}`),
  );
  return row!;
}

describe.each(testDatabases())("jobs on $name", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
    await drainJobs(database.db);
  });
  afterAll(() => database.close());
  afterEach(() => {
    resetClock();
    seen.length = 0;
    failuresLeft = 0;
  });

  it("runs a due job once and leaves future jobs alone", async () => {
    await enqueueJob(database.db, { kind: "test.record", payload: { label: "now" } });
    await enqueueJob(database.db, { kind: "test.record", payload: { label: "later" }, runAt: new Date(Date.now() + 3_600_000) });
    await drainJobs(database.db);
    expect(seen).toEqual(["now"]);
    advanceClock(3_600_001);
    await drainJobs(database.db);
    expect(seen).toEqual(["now", "later"]);
  });

  it("retries with back-off after a failure and records the error", async () => {
    failuresLeft = 2;
    const id = (await enqueueJob(database.db, { kind: "test.record", payload: { label: "flaky" } }))!;
    await runDueJobs(database.db);
    expect(await statusOf(database, id)).toMatchObject({ status: "pending", attempts: 1, last_error: "temporarily broken" });
    await runDueJobs(database.db);
    expect(seen).toEqual([]);
    advanceClock(40_000);
    await runDueJobs(database.db);
    expect((await statusOf(database, id)).attempts).toBe(2);
    advanceClock(80_000);
    await runDueJobs(database.db);
    expect(await statusOf(database, id)).toMatchObject({ status: "done", attempts: 3 });
    expect(seen).toEqual(["flaky"]);
  });

  it("gives up after max attempts", async () => {
    failuresLeft = 100;
    const id = (await enqueueJob(database.db, { kind: "test.record", payload: { label: "x" }, maxAttempts: 2 }))!;
    await runDueJobs(database.db);
    advanceClock(3_600_000);
    await runDueJobs(database.db);
    expect(await statusOf(database, id)).toMatchObject({ status: "failed", attempts: 2 });
  });

  it("claims again a job whose runner died mid-run (lease expired)", async () => {
    const id = (await enqueueJob(database.db, { kind: "test.record", payload: { label: "crashed" } }))!;
    await database.db.execute(sql`UPDATE jobs SET status = 'running', attempts = 1, locked_until = now() + interval '5 minutes' WHERE id = ${id}`);
    await drainJobs(database.db);
    expect(seen).toEqual([]);
    advanceClock(6 * 60_000);
    await drainJobs(database.db);
    expect(seen).toEqual(["crashed"]);
  });

  it("keeps one pending job per unique key", async () => {
    const a = await enqueueJob(database.db, { kind: "test.record", payload: { label: "u" }, uniqueKey: "only-one" });
    const b = await enqueueJob(database.db, { kind: "test.record", payload: { label: "u2" }, uniqueKey: "only-one" });
    expect(a).not.toBeNull();
    expect(b).toBeNull();
    await drainJobs(database.db);
    expect(seen).toEqual(["u"]);
    expect(await enqueueJob(database.db, { kind: "test.record", payload: { label: "again" }, uniqueKey: "only-one" })).not.toBeNull();
    await drainJobs(database.db);
  });

  it("concurrent runners never run the same job twice", async () => {
    for (let i = 0; i < 40; i++) await enqueueJob(database.db, { kind: "test.record", payload: { label: `c${i}` } });
    await Promise.all(Array.from({ length: 6 }, () => runDueJobs(database.db, 10)));
    await drainJobs(database.db);
    expect(seen).toHaveLength(40);
    expect(new Set(seen).size).toBe(40);
  });
});
