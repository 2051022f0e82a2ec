import { describe, expect, it } from "vitest";
import { advanceClock } from "@/lib/kernel/clock";
import { drainJobs } from "@/lib/kernel/jobs/run-due-jobs";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { balanceOf, paymentsWorld, portalSession } from "@/test/support/payments-fixtures";
import { testProviderSuite } from "@/test/support/stripe-suite";

const DAY = 86_400_000;

describe.each(testDatabases())("coupons on $name", (target) => {
  const suite = testProviderSuite(target);

  async function world() {
    const w = await paymentsWorld(suite.database);
    return { w, portal: await portalSession(suite.database, w), api: (method: string, path: string, body?: unknown) => callApi(method, `/api/v1${path}`, { key: w.key, body }) };
  }

  it("creates, lists, reads and deactivates coupons, with codes unique regardless of case", async () => {
    const { api } = await world();
    const created = await api("POST", "/coupons", { code: "WELCOME20", kind: "credit_grant", credit_grant: { asset: "USD", amount: 20, grant_expires_in_days: 30 }, max_redemptions: 2 });
    expect(created.status, created.text).toBe(201);
    expect(created.json).toMatchObject({ id: expect.stringMatching(/^cpn_/), code: "WELCOME20", kind: "credit_grant", credit_grant: { asset: "USD", amount: 20, grant_expires_in_days: 30 }, redemptions: 0, active: true });
    expect((await api("POST", "/coupons", { code: "welcome20", kind: "top_up_bonus", top_up_bonus: { percent: 10 } })).json.errors).toEqual({ code: ["A coupon with this code already exists."] });
    expect((await api("POST", "/coupons", { code: "x", kind: "gift" })).status).toBe(422);
    expect((await api("POST", "/coupons", { code: "NOPE1", kind: "credit_grant", credit_grant: { asset: "ZZZ", amount: 1 } })).status).toBe(422);
    expect((await api("GET", "/coupons")).json.total_count).toBe(1);
    expect((await api("GET", `/coupons/${created.json.id}`)).json.code).toBe("WELCOME20");
    expect((await api("GET", "/coupons/cpn_00000000000000000000000000")).status).toBe(404);
    expect((await api("POST", `/coupons/${created.json.id}/deactivate`)).json).toMatchObject({ active: false });
  });

  it("redeems a credit grant once per customer into an expiring promotional grant, and refuses bad codes clearly", async () => {
    const { w, portal, api } = await world();
    await api("POST", "/coupons", { code: "SPRING", kind: "credit_grant", credit_grant: { asset: "USD", amount: 15, grant_expires_in_days: 10 }, max_redemptions: 1 });
    await api("POST", "/coupons", { code: "OLD", kind: "credit_grant", credit_grant: { asset: "USD", amount: 1 }, expires_at: new Date(Date.now() + 60_000).toISOString() });
    const redeemed = await portal("POST", "/api/portal/coupons/redeem", { body: { code: " spring " } });
    expect(redeemed.status, redeemed.text).toBe(200);
    expect(redeemed.json).toMatchObject({ kind: "credit_grant", asset: "USD", asset_display: { name: "US Dollar" }, amount: 15 });
    expect((await balanceOf(w, "default:USD")).json.available).toBe(15);
    const again = await portal("POST", "/api/portal/coupons/redeem", { body: { code: "SPRING" } });
    expect(again.status).toBe(422);
    expect(again.headers.get("content-type")).toContain("application/problem+json");
    expect(again.json.errors.code).toEqual(["You have already redeemed this code."]);
    const bo = (await api("POST", "/customers", { name: "Bo" })).json.id as string;
    const otherPortal = await portalSession(suite.database, { ...w, customerId: bo, scope: { ...w.scope, customerId: bo } });
    expect((await otherPortal("POST", "/api/portal/coupons/redeem", { body: { code: "SPRING" } })).json.errors.code).toEqual(["This code has been fully redeemed."]);
    expect((await portal("POST", "/api/portal/coupons/redeem", { body: { code: "MISSING" } })).json.errors.code).toEqual(["This code is not valid."]);
    advanceClock(2 * 60_000);
    expect((await portal("POST", "/api/portal/coupons/redeem", { body: { code: "OLD" } })).json.errors.code).toEqual(["This code has expired."]);
    const grants = await api("GET", `/customers/${w.customerId}/wallet/default:USD/grants`);
    expect(grants.json.items).toEqual([expect.objectContaining({ purpose: "promotional", amount: 15, remaining: 15, source: { type: "coupon", id: expect.any(String) } })]);
    advanceClock(10 * DAY);
    await drainJobs(suite.database.db);
    expect((await balanceOf(w, "default:USD")).json.available).toBe(0);
    expect(await findLedgerViolations(suite.database.db, w.platform.id)).toEqual([]);
  });

  it("gives a top-up bonus as promotional credit on the next credited top-up only, beside the paid grant", async () => {
    const { w, portal, api } = await world();
    await api("POST", "/coupons", { code: "BONUS10", kind: "top_up_bonus", top_up_bonus: { percent: 10 } });
    expect((await portal("POST", "/api/portal/coupons/redeem", { body: { code: "bonus10" } })).json).toMatchObject({ kind: "top_up_bonus", percent: 10, top_ups: 1 });
    for (const amount of [50, 20]) {
      const topUp = await portal("POST", "/api/portal/top-ups", { body: { account_id: "default:USD", amount } });
      expect(topUp.status, topUp.text).toBe(201);
      const paid = await callApi("POST", `/api/test-checkout/${String(topUp.json.redirect_url).split("/").pop()}`, {
        body: { card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" },
        headers: { origin: "http://portal.test" },
      });
      expect(paid.json.kind).toBe("redirect");
    }
    expect((await balanceOf(w, "default:USD")).json.available).toBe(75);
    const grants = (await api("GET", `/customers/${w.customerId}/wallet/default:USD/grants`)).json.items as { purpose: string; amount: number; expires_at: string | null }[];
    expect(grants.map((g) => [g.purpose, g.amount])).toEqual([["promotional", 5], ["paid", 50], ["paid", 20]]);
    const inAYear = Date.now() + 365 * DAY;
    expect(Math.abs(new Date(grants[1]!.expires_at!).getTime() - inAYear)).toBeLessThan(2 * DAY);
    expect(await findLedgerViolations(suite.database.db, w.platform.id)).toEqual([]);
  });
});
