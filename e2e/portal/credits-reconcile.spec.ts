import { expect, signIn, test } from "../fixtures";
import { ready } from "../payments-helpers";

const DAY = 86_400_000;

test.describe("[CREDITS RECONCILE]", () => {
  test("the credit rows add up to the balance, each names its source, and a purchase's expiry is said before paying", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Rita Reconcile" });
    await api.post("/assets", { code: "CREDIT", name: "Credits", precision: 0, label: "CR", rates: [{ source: "USD", rate: 0.05 }] });
    const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();
    // Credits that never expire are no grant, but they are part of the balance all the same.
    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `keep-${customer.id}`, asset: "CREDIT", amount: 2400, reason: "gift", description: "Founding member gift" }, 201);
    await api.post(`/customers/${customer.id}/wallet/adjustments`, {
      transaction_id: `paid-${customer.id}`, asset: "CREDIT", amount: 300, reason: "external_topup", description: "Invoice 1042", expires_at: inDays(200),
    }, 201);
    await api.post("/coupons", { code: "SPRING25", kind: "credit_grant", credit_grant: { asset: "CREDIT", amount: 25, grant_expires_in_days: 30 } }, 201);

    await signIn(page, api, customer.id, "/credits");
    await ready(page);
    await page.getByLabel("Coupon code").fill("SPRING25");
    await page.getByRole("button", { name: "Redeem" }).click();
    const timeline = page.getByTestId("credit-timeline");
    const rows = timeline.locator("tbody tr");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(0)).toContainText("from coupon SPRING25");
    await expect(rows.nth(1)).toContainText("Purchased · Credits, from Invoice 1042");
    await expect(rows.nth(2)).toContainText("Balance without expiry");
    await expect(rows.nth(2)).toContainText("2,400 CR");
    await expect(rows.nth(2)).toContainText("Never");
    await expect(page.getByTestId("credit-total-CREDIT")).toHaveText("These add up to your Credits balance: 2,725 CR");
    expect(await api.get(`/customers/${customer.id}/wallet/default:CREDIT`)).toMatchObject({ available: 2725 });

    await page.goto("/top-up");
    await expect(page.getByTestId("purchase-expiry")).toContainText("What you add can be used until");
    await expect(page.getByTestId("purchase-expiry")).toContainText(String(new Date().getUTCFullYear() + 1));
    await expect(page.getByTestId("purchase-expiry")).toContainText("anything left then expires");
  });
});
