import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withAdminToken } from "@/test/support/admin-token";
import { callApi, useDatabase } from "@/test/support/api-client";
import { openPgliteCopy } from "@/test/support/pglite-snapshot";
import { TEST_STRIPE_KEY, TEST_WEBHOOK_SECRET, useStripeStub, useTestProvider } from "@/test/support/stripe-env";
import { StripeStub } from "@/test/support/stripe-stub/stripe-stub";
import { buildScenario } from "@/test/support/webhook-scenarios";

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
    const database = await openPgliteCopy(inject("pgliteSnapshot"), path.join(dataDir, "pglite"));
    useDatabase(database);
    await buildScenario(database, stub);
    paymentIntents = [...stub.state.intents.values()].filter((pi) => pi.status === "succeeded").map((pi) => pi.id);
    await database.close();
  });
  afterAll(async () => {
    await stub.stop();
    useTestProvider();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Asynchronous: the Stripe stub answers from this process while the command runs.
  // No server answers at port 9 unless a test names its own.
  const run = (args: string[], options: { url?: string; env?: Record<string, string> } = {}) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const env = { ...process.env, DATABASE_URL: "", BILLFOLD_DATA_DIR: dataDir, STRIPE_SECRET_KEY: TEST_STRIPE_KEY, STRIPE_API_URL: stub.url, STRIPE_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET, LOG_LEVEL: "silent", ...options.env };
      const argv = ["node_modules/.bin/tsx", "scripts/reconcile.ts", "--url", options.url ?? "http://127.0.0.1:9", ...args];
      const child = execFile(process.execPath, argv, { encoding: "utf8", timeout: 600_000, env }, (_error, stdout, stderr) => resolve({ status: child.exitCode, stdout, stderr }));
    });

  it("reports lost webhooks with --dry-run, applies them once without it, then finds nothing", async () => {
    const dry = await run(["--dry-run", "--json"]);
    expect(dry.status, dry.stderr).toBe(1);
    const report = JSON.parse(dry.stdout);
    expect(report).toMatchObject({ mode: "test", payments: 6, refunds: 3, disputes: 2, repaired: [] });
    expect(report.unexplained.filter((f: { kind: string }) => f.kind === "missing_credit").map((f: { payment_intent_id: string }) => f.payment_intent_id).sort()).toEqual(paymentIntents.sort());

    const wet = await run([]);
    expect(wet.status, wet.stderr).toBe(0);
    expect(wet.stdout).toContain("6 PaymentIntents, 3 refunds, 2 disputes compared");
    expect(wet.stdout).toContain("Repaired (a webhook never arrived; applied once now): 8");
    expect(wet.stdout).toContain("Unexplained (nothing changed; needs a person): 0");

    const again = await run(["--json"]);
    expect(again.status, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ repaired: [], unexplained: [] });
  });

  it("refuses a look-back outside 1–90 days", async () => {
    const bad = await run(["--days", "120"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Usage: npm run reconcile");
  });

  it("goes through the running server's admin API when one answers, and says why it was refused", async () => {
    const database = await openPgliteCopy(inject("pgliteSnapshot"));
    useDatabase(database);
    // Stands in for Billfold's server: the real route handlers, in this process, behind HTTP.
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", async () => {
        const answer = req.url === "/api/health" ? { status: 200, text: "{}" } : await callApi(req.method!, req.url!, { raw: Buffer.concat(chunks).toString("utf8"), headers: { authorization: req.headers.authorization ?? "" } });
        res.writeHead(answer.status, { "content-type": "application/json" }).end(answer.text);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      stub.reset();
      await buildScenario(database, stub);
      await withAdminToken(async (token) => {
        const viaServer = (bearer: string, ...args: string[]) => run(args, { url, env: { BILLFOLD_ADMIN_TOKEN: bearer } });
        const refused = await viaServer(`${token}-wrong`);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toContain("The running server refused (404)");
        stub.forbidden.add("/v1/payment_intents");
        const forbidden = await viaServer(token);
        expect(forbidden.stderr).toContain("refused (422): Stripe refused the reconciliation's request: The provided key does not have the required permissions");
        stub.forbidden.clear();
        const ok = await viaServer(token, "--json");
        expect(ok.status, ok.stderr).toBe(0);
        expect(JSON.parse(ok.stdout)).toMatchObject({ mode: "test", payments: 6, refunds: 3, disputes: 2, unexplained: [] });
      });
    } finally {
      server.close();
      await database.close();
    }
  });
});
