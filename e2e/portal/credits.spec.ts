import AxeBuilder from "@axe-core/playwright";
import { expect, signIn, test } from "../fixtures";

const DAY = 86_400_000;

test.describe("[CREDITS]", () => {
  test("redeems a coupon, shows credits in consumption order with expiries, and warns 7 days before credits expire", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Katherine Johnson" });
    await api.post("/assets", { code: "CREDIT", name: "Credits", precision: 0, label: "CR", rates: [{ source: "USD", rate: 0.05 }] });
    const inDays = (d: number) => new Date(Date.now() + d * DAY).toISOString();
    await api.post(`/customers/${customer.id}/wallet/adjustments`, {
      transaction_id: `promo-${customer.id}`, asset: "CREDIT", amount: 120, reason: "promotional", expires_at: inDays(5),
    }, 201);
    await api.post(`/customers/${customer.id}/wallet/adjustments`, {
      transaction_id: `paid-${customer.id}`, asset: "CREDIT", amount: 300, reason: "external_topup", expires_at: inDays(200),
    }, 201);
    await api.post("/coupons", { code: "WELCOME50", kind: "credit_grant", credit_grant: { asset: "CREDIT", amount: 50, grant_expires_in_days: 30 } }, 201);

    await signIn(page, api, customer.id);
    const banner = page.getByTestId("expiry-banner");
    await expect(banner).toContainText("120 CR expire on");

    await page.getByRole("link", { name: "Credits", exact: true }).click();
    await expect(page).toHaveURL(/\/credits$/);
    const rows = page.getByTestId("credit-timeline").locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toContainText("Promotional");
    await expect(rows.nth(0)).toContainText("120 CR");
    await expect(rows.nth(1)).toContainText("Purchased");

    const code = page.getByLabel("Coupon code");
    await code.fill("welcome50");
    await code.press("Enter");
    await expect(page.getByTestId("redeem-result")).toContainText("50 CR of Credits added");
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText("50 CR");
    await expect(rows.nth(1)).toContainText("Promotional");

    await code.fill("WELCOME50");
    await page.getByRole("button", { name: "Redeem" }).click();
    await expect(page.getByTestId("redeem-result")).toHaveText("You have already redeemed this code.");
    await code.fill("NOPE-CODE");
    await page.getByRole("button", { name: "Redeem" }).click();
    await expect(page.getByTestId("redeem-result")).toHaveText("This code is not valid.");

    const wallet = await api.get(`/customers/${customer.id}/wallet/default:CREDIT`);
    expect(wallet.available).toBe(470);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await expect(rows).toHaveCount(3);
    await expect(banner).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});
