import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, FAILURE_URL, RETURN_URL, signIn, test, type ApiClient } from "../fixtures";
import { payOnTestCheckout, ready } from "../payments-helpers";

const monthly = (name: string, code: string, usd: number, credits?: number) => ({
  name,
  code,
  publish: true,
  prices: [{ name: `${name} fee`, type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: usd }] }] }],
  entitlements: credits
    ? [{ name: "Included credits", asset: "CREDIT", amount: credits, purpose: "bundled", lifecycle: { duration: "month", refresh: { strategy: "expire_and_replace" } } }]
    : [],
});

async function pendingSubscription(api: ApiClient, code: string) {
  const customer = await api.post("/customers", {
    name: "Paula Plan",
    email: "paula@example.com",
    subscriptions: [{ products: [{ code }], return_url: RETURN_URL, failure_url: FAILURE_URL }],
  });
  const [sub] = customer.subscriptions;
  expect(sub).toMatchObject({ status: "pending", required_actions: [{ type: "payment", redirect_url: expect.stringContaining("/test-checkout/") }] });
  return { customerId: customer.id as string, subscriptionId: sub.id as string, redirectUrl: sub.required_actions[0].redirect_url as string };
}

async function noAxeViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
}

test.describe("[PLANS] fixed-price plans, paid through Checkout and managed in the portal", () => {
  test("subscribe through the test provider, see the plan active and its charge in Orders, cancel at period end and undo", async ({ page, api }) => {
    const suffix = Date.now().toString(36);
    await api.post("/assets", { code: "CREDIT", name: "Credits", precision: 0, label: "CR", rates: [{ source: "USD", rate: 0.01 }] }, 201);
    await api.post("/products", monthly("Pro Plan", `pro_${suffix}`, 20, 1000));
    await api.post("/products", monthly("Team Plan", `team_${suffix}`, 50));
    const { customerId, subscriptionId, redirectUrl } = await pendingSubscription(api, `pro_${suffix}`);

    await page.goto(redirectUrl);
    await payOnTestCheckout(page, "4242 4242 4242 4242");
    await expect(page).toHaveURL(RETURN_URL);
    const [active] = (await api.get(`/customers/${customerId}/subscriptions`)).items;
    expect(active).toMatchObject({ id: subscriptionId, status: "active", required_actions: [], current_period_end: expect.any(String) });

    await signIn(page, api, customerId, "/plan");
    await ready(page);
    const current = page.getByTestId("current-plan");
    await expect(current.getByRole("heading", { name: "Pro Plan" })).toBeVisible();
    await expect(current.getByTestId("plan-status")).toHaveText("Active");
    await expect(current.getByTestId("plan-price")).toHaveText("$20.00 / month");
    await expect(current.getByTestId("plan-renewal")).not.toBeEmpty();
    await expect(current.getByTestId("plan-included-credits")).toHaveText("1,000 CR");
    await expect(page.getByTestId(`plan-team_${suffix}`)).toContainText("$50.00 / month");
    await noAxeViolations(page, "plan");

    await page.getByRole("link", { name: "Orders" }).click();
    const order = page.locator('[data-origin="subscription"]');
    await expect(order).toHaveCount(1);
    await expect(order).toContainText("Pro Plan");
    await expect(order).toContainText("$20.00");
    await expect(order).toContainText("Completed");
    await noAxeViolations(page, "orders");
    await order.getByRole("link", { name: /Receipt/ }).click();
    await ready(page);
    await expect(page.getByTestId("receipt-amount-charged")).toHaveText("$20.00");
    await expect(page.getByTestId("receipt-paid-for")).toHaveText("Pro Plan (plan)");
    await expect(page.getByTestId("receipt-card")).toContainText("4242");
    await noAxeViolations(page, "order receipt");

    await page.getByRole("link", { name: "Plan", exact: true }).click();
    await ready(page);
    await page.getByRole("button", { name: "Cancel plan…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel plan" }).click();
    await expect(page.getByRole("button", { name: "Keep my plan" })).toBeVisible();
    await expect(page.getByTestId("current-plan")).toContainText("Ends on");
    expect((await api.get(`/customers/${customerId}/subscriptions`)).items[0]).toMatchObject({ status: "active", cancel_at_period_end: true });
    await page.getByRole("button", { name: "Keep my plan" }).click();
    await expect(page.getByRole("button", { name: "Cancel plan…" })).toBeVisible();
    expect((await api.get(`/customers/${customerId}/subscriptions`)).items[0]).toMatchObject({ cancel_at_period_end: false });
    await page.getByRole("button", { name: "Cancel plan…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Cancel plan" }).click();
    await expect(page.getByRole("button", { name: "Keep my plan" })).toBeVisible();
    expect((await api.get(`/customers/${customerId}/subscriptions`)).items[0]).toMatchObject({ cancel_at_period_end: true });
  });
});
