import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/open";
import { useDatabase } from "@/lib/testing/api-client";
import { TEST_STRIPE_KEY, TEST_WEBHOOK_SECRET, useStripeStub, useTestProvider } from "@/lib/testing/stripe-env";
import { StripeStub } from "@/lib/testing/stripe-stub/stripe-stub";
import { buildScenario } from "@/lib/testing/webhook-scenarios";

/**
 * `npm run reconcile` as an operator runs it with no server up: it opens the embedded database itself.
 * The scenario is written to a PGlite directory, which is closed before the command opens it.
 */
describe("npm run reconcile", () => {
  const stub = new StripeStub();
  const dataDir = mkdtempSync(path.join(tmpdir(), "billfold-reconcile-"));
  let paymentIntents: string[] = [];

  beforeAll(async () => {
    await stub.start();
    useStripeStub(stub);
    const database = await openDatabase({ dataDir: path.join(dataDir, "pglite") });
    useDatabase(database);
    await buildScenario(database, stub);
    paymentIntents = [...stub.state.intents.values()].filter((pi) => pi.status === "succeeded").map((pi) => pi.id);
    await database.close();
  }, 120_000);
  afterAll(async () => {
    await stub.stop();
    useTestProvider();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Asynchronous: the Stripe stub answers from this process while the command runs.
  const run = (...args: string[]) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const env = { ...process.env, DATABASE_URL: "", BILLFOLD_DATA_DIR: dataDir, STRIPE_SECRET_KEY: TEST_STRIPE_KEY, STRIPE_API_URL: stub.url, STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, LOG_LEVEL: "silent" };
      const child = execFile(process.execPath, ["node_modules/.bin/tsx", "scripts/reconcile.ts", "--url", "http://127.0.0.1:9", ...args], { encoding: "utf8", timeout: 120_000, env }, (_error, stdout, stderr) =>
        resolve({ status: child.exitCode, stdout, stderr }),
      );
    });

  it("reports lost webhooks with --dry-run, applies them once without it, then finds nothing", async () => {
    const dry = await run("--dry-run", "--json");
    expect(dry.status, dry.stderr).toBe(1);
    const report = JSON.parse(dry.stdout);
    expect(report).toMatchObject({ mode: "test", payments: 6, refunds: 3, disputes: 2, repaired: [] });
    expect(report.unexplained.filter((f: { kind: string }) => f.kind === "missing_credit").map((f: { payment_intent_id: string }) => f.payment_intent_id).sort()).toEqual(paymentIntents.sort());

    const wet = await run();
    expect(wet.status, wet.stderr).toBe(0);
    expect(wet.stdout).toContain("6 PaymentIntents, 3 refunds, 2 disputes compared");
    expect(wet.stdout).toContain("Repaired (a webhook never arrived; applied once now): 8");
    expect(wet.stdout).toContain("Unexplained (nothing changed; needs a person): 0");

    const again = await run("--json");
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ repaired: [], unexplained: [] });
  }, 300_000);

  it("refuses a look-back outside 1–90 days", async () => {
    const bad = await run("--days", "120");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Usage: npm run reconcile");
  });
});
