import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "@/lib/kernel/env";

/**
 * Silences the app's log for one test file: suites that inject faults make every fault an
 * unhandled error by design, and hundreds of those lines would bury the figures the suite prints.
 */
export function quietLogs(): void {
  const level = process.env.LOG_LEVEL;
  beforeAll(() => {
    process.env.LOG_LEVEL = "silent";
    resetEnvCache();
  });
  afterAll(() => {
    if (level === undefined) delete process.env.LOG_LEVEL;
    else process.env.LOG_LEVEL = level;
    resetEnvCache();
  });
}
