import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    include: ["lib/**/*.test.ts", "app/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    globalSetup: ["./lib/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Vitest's default is one worker per core minus one: a single worker on a 2-core machine. Most files
    // wait on a database or on the other worker's CPU, so two keep both cores busy; files share the CI
    // Postgres safely because every file works under platforms of its own.
    maxWorkers: 2,
    env: {
      NODE_ENV: "test",
      BILLFOLD_SECRET: "test-secret-0123456789abcdef0123456789abcdef",
      PORTAL_URL: "http://portal.test",
      BILLFOLD_JOBS: "off",
      LOG_LEVEL: "error",
    },
  },
});
