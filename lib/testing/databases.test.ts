import { afterEach, describe, expect, it, vi } from "vitest";
import { testDatabases } from "./databases";

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
});
