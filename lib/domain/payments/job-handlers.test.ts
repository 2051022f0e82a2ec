import { describe, expect, it } from "vitest";
import { jobHandler } from "@/lib/kernel/jobs/registry";
import { RECONCILE_ATTEMPT_JOB, RESUME_ATTEMPT_JOB, RETRY_AUTO_TOP_UP_JOB } from "./job-kinds";

describe("payments jobs", () => {
  it("are all registered at start-up (lib/boot/jobs.ts)", () => {
    for (const kind of [RESUME_ATTEMPT_JOB, RECONCILE_ATTEMPT_JOB, RETRY_AUTO_TOP_UP_JOB]) {
      expect(jobHandler(kind), kind).toBeTypeOf("function");
    }
  });
});
