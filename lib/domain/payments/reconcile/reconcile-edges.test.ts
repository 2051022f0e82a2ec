import { beforeEach, describe, expect, it } from "vitest";
import { withAdminToken } from "@/test/support/admin-token";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { quietLogs } from "@/test/support/quiet-logs";
import { reconcileFor, scenarioBalances } from "@/test/support/reconcile-fixtures";
import { rowCounts } from "@/test/support/row-counts";
import { deliverWebhook } from "@/test/support/stripe-env";
import { stripeSuite } from "@/test/support/stripe-suite";
import { buildScenario, type Scenario } from "@/test/support/webhook-scenarios";

const typeOf = (payload: string) => (JSON.parse(payload) as { type: string }).type;
const objectOf = (payload: string) => (JSON.parse(payload) as { data: { object: { status?: string } } }).data.object;

describe.each(testDatabases())("Stripe reconciliation, edge cases, on $name", (target) => {
  const suite = stripeSuite(target);
  const stub = suite.stub;
  quietLogs();
  beforeEach(() => stub.reset());

  const expectedBalances = (s: Scenario) => ({ usd: s.expected.balances["default:USD"], credits: s.expected.balances["default:CREDIT"] });
  const succeededIntents = () => [...stub.state.intents.values()].filter((pi) => pi.status === "succeeded");

  it("finishes a refund whose failure, and a dispute whose win, never arrived", async () => {
    const s = await buildScenario(suite.database, stub);
    // Every charge.refunded would re-read all refunds (failed one included) from Stripe, so those go too.
    const lost = (payload: string) => ["refund.failed", "charge.refunded"].includes(typeOf(payload)) || (typeOf(payload) === "charge.dispute.closed" && objectOf(payload).status === "won");
    for (const payload of s.events.filter((p) => !lost(p))) expect((await deliverWebhook(payload)).status).toBe(200);
    expect(await scenarioBalances(s.world)).not.toEqual(expectedBalances(s));
    const report = await reconcileFor(suite.database, s.world);
    expect(report.unexplained).toEqual([]);
    expect(report.repaired.map((f) => f.kind)).toEqual(["missing_reversal", "missing_reversal"]);
    const details = report.repaired.map((f) => f.detail).sort();
    expect(details[0]).toMatch(/^only one of dispute:dp_\w+ and dispute-won:dp_\w+: dispute dp_\w+ of USD 40\.00, won$/);
    expect(details[1]).toMatch(/^only one of refund:re_\w+ and refund-failed:re_\w+: refund re_\w+ of USD 3\.00, failed$/);
    expect(await scenarioBalances(s.world)).toEqual(expectedBalances(s));
    expect(await reconcileFor(suite.database, s.world)).toMatchObject({ repaired: [], unexplained: [] });
  });

  it("expects nothing back for a refund too small to buy a unit, a pending refund's reversal, or an inquiry", async () => {
    const s = await buildScenario(suite.database, stub);
    for (const payload of s.events) expect((await deliverWebhook(payload)).status).toBe(200);
    const credits = succeededIntents().find((pi) => pi.metadata.top_up_id === s.topUps.b)!;
    // One cent buys 0.2 credits at $0.05, and credits have no decimals.
    const cent = stub.refund(credits.id, 1, "succeeded");
    const usd = succeededIntents().find((pi) => pi.metadata.top_up_id === s.topUps.a)!;
    const pending = stub.refund(usd.id, 100, "pending");
    const inquiry = stub.dispute(usd.id, 2000, "warning_needs_response");
    for (const [type, object] of [["refund.created", cent], ["refund.created", pending], ["charge.dispute.created", inquiry]] as const) {
      expect((await deliverWebhook(stub.event(type, structuredClone(object)))).status).toBe(200);
    }
    const report = await reconcileFor(suite.database, s.world);
    expect(report).toMatchObject({ repaired: [], unexplained: [] });
    // The pending refund of $1 is taken back at once (restored if it fails); the others take nothing.
    expect(await scenarioBalances(s.world)).toEqual({ ...expectedBalances(s), usd: expectedBalances(s).usd! - 1 });
  });

  it("takes nothing back for a refund of a payment refused for its amount, and reports the payment", async () => {
    const s = await buildScenario(suite.database, stub);
    const short = succeededIntents().find((pi) => pi.metadata.top_up_id === s.topUps.a)!;
    short.amount = short.amount_received = 1999;
    for (const payload of s.events) expect((await deliverWebhook(payload)).status).toBe(200);
    const refund = stub.refund(short.id, 1999, "succeeded");
    const before = await scenarioBalances(s.world);
    expect((await deliverWebhook(stub.event("refund.created", refund))).status).toBe(200);
    expect(await scenarioBalances(s.world)).toEqual(before);
    const report = await reconcileFor(suite.database, s.world);
    expect(report.repaired).toEqual([]);
    expect(report.unexplained).toEqual([
      expect.objectContaining({ kind: "amount_mismatch", paymentIntentId: short.id, detail: "Stripe received USD 1999 minor units; the top-up is for USD 20.00" }),
    ]);
    expect(await scenarioBalances(s.world)).toEqual(before);
  });

  it("says why when Stripe refuses the key, and answers 503 while Stripe is down, changing nothing", async () => {
    await withAdminToken(async (token) => {
      const s = await buildScenario(suite.database, stub);
      const before = await rowCounts(suite.database.db, [s.world.platform.id]);
      const call = () => callApi("POST", "/api/admin/reconciliations", { raw: "{}", headers: { authorization: `Bearer ${token}` } });
      stub.forbidden.add("/v1/payment_intents");
      const refused = await call();
      expect(refused.status, refused.text).toBe(422);
      expect(refused.json.errors.payments[0]).toContain("does not have the required permissions");
      stub.forbidden.clear();
      stub.failNext = 3;
      expect((await call()).status).toBe(503);
      expect(await rowCounts(suite.database.db, [s.world.platform.id])).toEqual(before);
    });
  });
});
