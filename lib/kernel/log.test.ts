import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { errorResponse } from "@/lib/http/route-kit";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { registerJob } from "@/lib/kernel/jobs/registry";
import { enqueueJob } from "@/lib/kernel/jobs/enqueue";
import { drainJobs } from "@/lib/kernel/jobs/run-due-jobs";
import { testDatabases } from "@/test/support/databases";
import { errorSummary, log } from "./log";

const SECRET = "customer-secret-4242";

describe.each(testDatabases())("error logs on $name", (target) => {
  let database: Database;
  const written: string[] = [];
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database.close());
  afterEach(() => {
    vi.restoreAllMocks();
    written.length = 0;
  });

  const capture = () =>
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });

  /** A failing statement whose parameters are customer data, as drizzle reports it. */
  async function failedQuery(): Promise<unknown> {
    try {
      await database.db.execute(sql`SELECT ${JSON.stringify({ note: SECRET })}::jsonb, ${SECRET}::int AS n`);
    } catch (error) {
      return error;
    }
    throw new Error("the statement should have failed");
  }

  it("logs the statement, the database's code and where, but no parameter of a failed query", async () => {
    const error = await failedQuery();
    expect(String((error as Error).message)).toContain(SECRET);
    capture();
    const res = errorResponse(error, "/api/v1/events");
    expect(res.status).toBe(500);
    log.error("job runner tick failed", { error });
    expect(written).toHaveLength(2);
    for (const line of written) {
      expect(line).not.toContain(SECRET);
      const entry = JSON.parse(line) as { error: { name: string; query: string; stack: string; cause: { code: string; message: string } } };
      expect(entry.error.query).toContain("::int AS n");
      expect(entry.error.stack).toMatch(/^ {4}at /);
      expect(entry.error.cause).toMatchObject({ code: "22P02", message: 'invalid input syntax for type integer: "…"' });
    }
  });

  it("keeps parameters out of a failed job's last_error as well", async () => {
    const kind = `log-test.fails-${target.name}`;
    registerJob(kind, async () => {
      throw await failedQuery();
    });
    const id = await enqueueJob(database.db, { kind, maxAttempts: 1 });
    capture();
    await drainJobs(database.db);
    const [row] = rowsOf<{ last_error: string }>(await database.db.execute(sql`SELECT last_error FROM jobs WHERE id = ${id}`));
    expect(row!.last_error).toContain("22P02");
    expect(row!.last_error).not.toContain(SECRET);
    expect(written.join("")).not.toContain(SECRET);
    expect(errorSummary(new Error("temporarily broken"))).toBe("temporarily broken");
  });
});
