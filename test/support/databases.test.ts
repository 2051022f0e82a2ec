import { afterEach, describe, expect, it, vi } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "@/lib/kernel/db/rows";
import { testDatabases } from "./databases";
import { databaseName, runDatabaseName, runPidOf, workerDatabaseUrl } from "./worker-database";

describe("testDatabases", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("gives PGlite, and Postgres when TEST_DATABASE_URL is set", () => {
    vi.stubEnv("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/x");
    vi.stubEnv("TEST_DATABASE_ONLY", "");
    expect(testDatabases().map((d) => d.name)).toEqual(["pglite", "postgres"]);
  });

  it("keeps only the database TEST_DATABASE_ONLY names, for per-database nightly processes", () => {
    vi.stubEnv("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/x");
    vi.stubEnv("TEST_DATABASE_ONLY", "postgres");
    expect(testDatabases().map((d) => d.name)).toEqual(["postgres"]);
    vi.stubEnv("TEST_DATABASE_ONLY", "pglite");
    expect(testDatabases().map((d) => d.name)).toEqual(["pglite"]);
  });

  it("leaves nothing when the named database is not configured, so such a file fails as having no tests", () => {
    vi.stubEnv("TEST_DATABASE_URL", "");
    vi.stubEnv("TEST_DATABASE_ONLY", "postgres");
    expect(testDatabases()).toEqual([]);
  });

  it("names one database per run and vitest worker, keeping the rest of the URL", () => {
    expect(workerDatabaseUrl("postgresql://postgres@127.0.0.1:5432/test?sslmode=disable", runDatabaseName("test", 41), "2")).toBe(
      "postgresql://postgres@127.0.0.1:5432/test_run41_w2?sslmode=disable",
    );
    expect(workerDatabaseUrl("postgresql://postgres@127.0.0.1:5432/test", undefined, "2")).toBe("postgresql://postgres@127.0.0.1:5432/test");
  });

  it("knows which run made a database, so a killed run's databases can be dropped", () => {
    expect(runPidOf("test", "test_run41")).toBe(41);
    expect(runPidOf("test", "test_run41_w2")).toBe(41);
    expect(runPidOf("test", "test_runner")).toBeNull();
    expect(runPidOf("test", "other_run41")).toBeNull();
    expect(runPidOf("test", "test")).toBeNull();
  });

  it.runIf(process.env.TEST_DATABASE_URL)("opens this worker's copy of the migrated Postgres database", async () => {
    const postgres = testDatabases().find((d) => d.name === "postgres");
    const database = await postgres!.open();
    try {
      const [row] = rowsOf<{ name: string; jobs: string }>(
        await database.db.execute(sql`SELECT current_database() AS name, to_regclass('jobs')::text AS jobs`),
      );
      expect(row?.jobs).toBe("jobs");
      expect(row?.name).toMatch(new RegExp(`^${databaseName(process.env.TEST_DATABASE_URL!)}_run\\d+_w${process.env.VITEST_POOL_ID}$`));
    } finally {
      await database.close();
    }
  });
});
