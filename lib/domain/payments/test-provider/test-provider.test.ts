import { describe, expect, it } from "vitest";
import { advanceClock } from "@/lib/kernel/clock";
import { armFault } from "@/lib/kernel/faults";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { adjust, balanceOf, paymentsWorld, portalSession, type PaymentsWorld } from "@/test/support/payments-fixtures";
import { testProviderSuite } from "@/test/support/stripe-suite";
import { runPaymentJobsFor } from "@/test/support/payment-jobs";

type Portal = Awaited<ReturnType<typeof portalSession>>;

describe.each(testDatabases())("the built-in test provider on $name", (target) => {
  const suite = testProviderSuite(target, { autoTopUp: true });

  async function world(): Promise<{ w: PaymentsWorld; portal: Portal }> {
    const w = await paymentsWorld(suite.database);
    return { w, portal: await portalSession(suite.database, w) };
  }

  const pay = (url: string, card: string, extra: Record<string, unknown> = {}) =>
    callApi("POST", `/api/test-checkout/${url.split("/").pop()}`, {
      body: { card_number: card, expiry: "12 / 34", cvc: "123", ...extra },
      headers: { origin: "http://portal.test" },
    });

  async function startTopUp(portal: Portal, body: Record<string, unknown>) {
    const res = await portal("POST", "/api/portal/top-ups", { body });
    expect(res.status, res.text).toBe(201);
    expect(res.json.redirect_url).toMatch(/^http:\/\/portal\.test\/test-checkout\/cs_test_[0-9a-z]{26}$/);
    return res.json as { id: string; redirect_url: string };
  }

  it("pays with 4242, declines 4000…0002, and credits through the same fulfilment as Stripe's webhooks", async () => {
    const { w, portal } = await world();
    const topUp = await startTopUp(portal, { account_id: "default:USD", amount: 25 });
    const declined = await pay(topUp.redirect_url, "4000 0000 0000 0002");
    expect(declined.json).toEqual({ kind: "declined", message: "Your card was declined. Try another card." });
    // Declined in Checkout: still payable with another card, but nothing is on its way.
    expect((await portal("GET", `/api/portal/top-ups/${topUp.id}`)).json).toMatchObject({ status: "declined", failureMessage: "The card was declined." });
    // Ticking "save this card" is what keeps it for next time.
    const paid = await pay(topUp.redirect_url, "4242 4242 4242 4242", { save_card: true });
    expect(paid.json).toEqual({ kind: "redirect", url: `http://portal.test/top-up/${topUp.id}` });
    expect((await pay(topUp.redirect_url, "4242424242424242")).json.kind).toBe("redirect");
    expect((await balanceOf(w, "default:USD")).json).toMatchObject({ available: 25, pending_in: 0 });
    expect((await portal("GET", `/api/portal/top-ups/${topUp.id}`)).json).toMatchObject({
      status: "completed", amount: "25", units: "25", card: { brand: "visa", last4: "4242" }, failureMessage: null, receiptUrl: null,
    });
    const cards = await portal("GET", "/api/portal/payment-methods");
    expect(cards.json).toMatchObject({ test_mode: true, cards: [{ brand: "visa", last4: "4242", isDefault: true }] });
    expect(await findLedgerViolations(suite.database.db, w.platform.id)).toEqual([]);
  });

  it("asks for authentication with 4000 0025 0000 3155 and sells units of a custom asset at the default rate", async () => {
    const { w, portal } = await world();
    await callApi("POST", "/api/v1/assets", { key: w.key, raw: `{"code":"CREDIT","name":"Credits","precision":0,"rates":[{"source":"USD","rate":0.05}]}` });
    const topUp = await startTopUp(portal, { account_id: "default:CREDIT", units: 401 });
    expect((await portal("GET", `/api/portal/top-ups/${topUp.id}`)).json).toMatchObject({ amount: "20.05", units: "401", rate: { price: "0.05" } });
    expect((await pay(topUp.redirect_url, "4000002500003155")).json).toEqual({ kind: "authenticate" });
    expect((await pay(topUp.redirect_url, "4000002500003155", { authentication: "fail" })).json.kind).toBe("declined");
    expect((await pay(topUp.redirect_url, "4000002500003155", { authentication: "approve" })).json.kind).toBe("redirect");
    expect((await balanceOf(w, "default:CREDIT")).json.available).toBe(401);
  });

  it("keeps portal top-ups within the platform's limits and refuses bad cards clearly", async () => {
    const { w, portal } = await world();
    await callApi("PUT", "/api/v1/platform/settings", { key: w.key, body: { top_up: { min_amount: 10, max_amount: 100, presets: [10, 50] } } });
    for (const amount of [9.99, 100.01]) {
      const res = await portal("POST", "/api/portal/top-ups", { body: { account_id: "default:USD", amount } });
      expect(res.status).toBe(422);
      expect(res.json.errors.amount[0]).toBe("Top-ups are from $10.00 to $100.00.");
    }
    const both = await portal("POST", "/api/portal/top-ups", { body: { account_id: "default:USD", amount: 10, units: 10 } });
    expect(both.status).toBe(422);
    const topUp = await startTopUp(portal, { account_id: "default:USD", amount: 10 });
    const bad = await pay(topUp.redirect_url, "1234", { expiry: "01 / 01", cvc: "x" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.json.errors).sort()).toEqual(["card_number", "cvc", "expiry"]);
    const noOrigin = await callApi("POST", `/api/test-checkout/${topUp.redirect_url.split("/").pop()}`, { body: { card_number: "4242424242424242", expiry: "12/34", cvc: "123" } });
    expect(noOrigin.status).toBe(403);
    const crossSite = await portal("POST", "/api/portal/top-ups", { body: { account_id: "default:USD", amount: 10 }, headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
  });

  it("cancels a top-up left in Checkout so it can no longer be paid", async () => {
    const { w, portal } = await world();
    const topUp = await startTopUp(portal, { account_id: "default:USD", amount: 10 });
    const cancelled = await portal("POST", `/api/portal/top-ups/${topUp.id}/cancel`);
    expect(cancelled.json.status).toBe("cancelled");
    expect((await pay(topUp.redirect_url, "4242424242424242")).json).toMatchObject({ kind: "expired" });
    expect((await balanceOf(w, "default:USD")).status).toBe(404);
    const stale = await startTopUp(portal, { account_id: "default:USD", amount: 10 });
    advanceClock(61 * 60_000);
    expect((await callApi("GET", `/api/v1/top-ups/${stale.id}`, { key: w.key })).json.status).toBe("expired");
    expect((await pay(stale.redirect_url, "4242424242424242")).json.kind).toBe("expired");
  });

  it("saves, defaults and removes cards; removing the auto top-up card switches auto top-up off with a notice", async () => {
    const { w, portal } = await world();
    await adjust(w, "USD", "30");
    for (const card of ["4242424242424242", "4000000000000341"]) {
      const setup = await portal("POST", "/api/portal/payment-methods");
      expect((await pay(setup.json.redirect_url, card)).json).toEqual({ kind: "redirect", url: "http://portal.test/payment-methods?card=added" });
    }
    const listed = (await portal("GET", "/api/portal/payment-methods")).json.cards;
    expect(listed.map((c: { last4: string; isDefault: boolean }) => [c.last4, c.isDefault])).toEqual([["4242", true], ["0341", false]]);
    const declining = listed[1].id;
    expect((await portal("POST", `/api/portal/payment-methods/${declining}/default`)).status).toBe(200);
    expect((await portal("GET", "/api/portal/payment-methods")).json.cards[0].id).toBe(declining);
    const saved = await portal("PUT", "/api/portal/auto-top-up/default:USD", {
      raw: `{"enabled":true,"threshold":10,"amount":20,"payment_method_id":"${declining}","consent":true}`,
    });
    expect(saved.status, saved.text).toBe(200);
    expect((await portal("DELETE", `/api/portal/payment-methods/${declining}`)).status).toBe(200);
    expect((await portal("DELETE", "/api/portal/payment-methods/pm_test_unknown")).status).toBe(404);
    const overview = (await portal("GET", "/api/portal/auto-top-up")).json.accounts[0];
    expect(overview.settings).toMatchObject({ enabled: false, paymentMethodId: null, disabledReason: expect.stringContaining("card it used was removed") });
    expect((await portal("GET", "/api/portal/payment-methods")).json.cards.map((c: { last4: string }) => c.last4)).toEqual(["4242"]);
  });

  it("runs auto top-up off-session: 4242 credits at once, 0341 declines, 3184 needs the customer; a crash re-run charges once", async () => {
    for (const [card, expected] of [["4242424242424242", "succeeded"], ["4000000000000341", "failed"], ["4000002760003184", "requires_action"]] as const) {
      const { w, portal } = await world();
      await adjust(w, "USD", "30");
      const setup = await portal("POST", "/api/portal/payment-methods");
      await pay(setup.json.redirect_url, card, { authentication: "approve" });
      const pm = (await portal("GET", "/api/portal/payment-methods")).json.cards[0].id;
      await portal("PUT", "/api/portal/auto-top-up/default:USD", { raw: `{"enabled":true,"threshold":10,"amount":20,"payment_method_id":"${pm}","consent":true}` });
      if (card === "4242424242424242") armFault("after-stripe-call-before-commit");
      await adjust(w, "USD", "-25");
      if (card === "4242424242424242") {
        advanceClock(2 * 60_000);
        await runPaymentJobsFor(suite.database.db, w.customerId);
        await runPaymentJobsFor(suite.database.db, w.customerId);
      }
      const attempts = (await portal("GET", "/api/portal/auto-top-up")).json.accounts[0].attempts;
      expect(attempts.map((a: { status: string }) => a.status)).toEqual([expected]);
      expect((await balanceOf(w, "default:USD")).json.available).toBe(expected === "succeeded" ? 25 : 5);
    }
  });

  it("reaches only the signed-in customer's own top-ups and cards", async () => {
    const a = await world();
    const b = await world();
    const topUp = await startTopUp(a.portal, { account_id: "default:USD", amount: 10 });
    const setup = await a.portal("POST", "/api/portal/payment-methods");
    await pay(setup.json.redirect_url, "4242424242424242");
    const card = (await a.portal("GET", "/api/portal/payment-methods")).json.cards[0].id;
    expect((await b.portal("GET", `/api/portal/top-ups/${topUp.id}`)).status).toBe(404);
    expect((await b.portal("POST", `/api/portal/top-ups/${topUp.id}/cancel`)).status).toBe(404);
    expect((await b.portal("POST", `/api/portal/payment-methods/${card}/default`)).status).toBe(404);
    expect((await b.portal("DELETE", `/api/portal/payment-methods/${card}`)).status).toBe(404);
    await adjust(b.w, "USD", "30");
    const steal = await b.portal("PUT", "/api/portal/auto-top-up/default:USD", { raw: `{"enabled":true,"threshold":10,"amount":20,"payment_method_id":"${card}","consent":true}` });
    expect(steal.status).toBe(422);
    expect(steal.json.errors.payment_method_id).toEqual(["That card is not one of your saved cards."]);
    expect((await a.portal("GET", `/api/portal/top-ups/${topUp.id}`)).json.status).toBe("initiated");
    expect((await b.portal("GET", "/api/portal/top-ups")).json.items).toEqual([]);
  });

  it("tops up a custom asset automatically at the rate in force, in the platform's currency", async () => {
    const { w, portal } = await world();
    await callApi("POST", "/api/v1/assets", { key: w.key, raw: `{"code":"CREDIT","name":"Credits","precision":0,"rates":[{"source":"USD","rate":0.04}]}` });
    await adjust(w, "CREDIT", "600");
    const setup = await portal("POST", "/api/portal/payment-methods");
    await pay(setup.json.redirect_url, "4242424242424242");
    const pm = (await portal("GET", "/api/portal/payment-methods")).json.cards[0].id;
    const saved = await portal("PUT", "/api/portal/auto-top-up/default:CREDIT", { raw: `{"enabled":true,"threshold":100,"amount":10,"payment_method_id":"${pm}","consent":true}` });
    expect(saved.status, saved.text).toBe(200);
    await adjust(w, "CREDIT", "-550");
    expect((await balanceOf(w, "default:CREDIT")).json.available).toBe(300);
    const [attempt] = (await portal("GET", "/api/portal/auto-top-up")).json.accounts.find((a: { accountId: string }) => a.accountId === "default:CREDIT").attempts;
    expect(attempt).toMatchObject({ status: "succeeded", amount: "10", units: "250", currency: { code: "USD" } });
  });

  it("never takes live-mode payments", async () => {
    const w = await paymentsWorld(suite.database);
    const live = await callApi("POST", "/api/v1/customers", { key: w.platform.liveKey, body: { name: "Live" } });
    const portal = await portalSession(suite.database, { ...w, key: w.platform.liveKey, customerId: live.json.id, platform: { ...w.platform, scope: { ...w.platform.scope, liveMode: true } } });
    const res = await portal("POST", "/api/portal/top-ups", { body: { account_id: "default:USD", amount: 10 } });
    expect(res.status).toBe(422);
    expect(res.json.errors.payments).toBeDefined();
    expect((await portal("POST", "/api/portal/payment-methods")).status).toBe(422);
  });
});
