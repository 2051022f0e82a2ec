import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

/**
 * Files that run for minutes. Without a timing cache (a clean clone) vitest starts the biggest files
 * first, and these are small files with long loops, so they would start last and run alone at the end.
 */
const LONG_FILES = ["delivery-chaos.pglite", "delivery-chaos.postgres", "ledger-model", "fault-runs", "interleavings", "adjustment-sequences", "schema-fuzz"];

class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONG_FILES.findIndex((name) => f.moduleId.includes(name));
      return i === -1 ? LONG_FILES.length : i;
    };
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./test/support/global-setup.ts"],
    setupFiles: ["./test/support/register.ts"],
    // Timeouts catch hangs, not slowness: on a 2-core machine shared with another build the long property and
    // chaos files run several times slower than alone, and must still pass.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: "forks",
    // Vitest's default is one worker per core minus one: a single worker on a 2-core machine. Most files
    // wait on a database or on the other worker's CPU, so two keep both cores busy. Each worker has its own
    // copy of the CI Postgres database (test/support/worker-database.ts), as the job queue is not per platform.
    maxWorkers: 2,
    sequence: { sequencer: LongFilesFirst },
    env: {
      NODE_ENV: "test",
      BILLFOLD_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
      PORTAL_URL: "http://portal.test",
      BILLFOLD_JOBS: "off",
      LOG_LEVEL: "error",
    },
  },
});
