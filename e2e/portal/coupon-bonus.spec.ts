import { expect, signIn, test } from "../fixtures";
import { payOnTestCheckout, ready } from "../payments-helpers";

test.describe("[COUPON BONUS] a redeemed bonus is visible before, during and after the top-up", () => {
  test("listed while waiting, previewed on the form, counted in the result and the receipt; messages name the asset", async ({ page, api }) => {
    await api.post("/assets", { code: "CREDIT", name: "Credits", precision: 0, label: "CR", rates: [{ source: "USD", rate: 0.05 }] });
    await api.post("/coupons", { code: "BONUS20", kind: "top_up_bonus", top_up_bonus: { percent: 20 } }, 201);
    await api.post("/coupons", { code: "HELLO50", kind: "credit_grant", credit_grant: { asset: "CREDIT", amount: 50 } }, 201);
    const customer = await api.post("/customers", { name: "Bea Bonus" });

    await signIn(page, api, customer.id, "/credits");
    await ready(page);
    const code = page.getByLabel("Coupon code");
    await code.fill("HELLO50");
    await page.getByRole("button", { name: "Redeem" }).click();
    await expect(page.getByTestId("redeem-result")).toHaveText("Code redeemed: 50 CR of Credits added to your balance.");
    await code.fill("BONUS20");
    await page.getByRole("button", { name: "Redeem" }).click();
    await expect(page.getByTestId("redeem-result")).toHaveText("Code redeemed: your next top-up earns a 20% bonus.");
    await expect(page.getByTestId("pending-bonus")).toHaveText("BONUS20: 20% extra on your next top-up, added when the payment arrives.");

    await page.goto("/top-up");
    await ready(page);
    await page.getByRole("radio", { name: "Credits" }).check();
    await page.getByRole("radio", { name: "How many CR to get" }).check();
    await page.getByLabel("Number of CR").fill("500");
    await expect(page.getByTestId("top-up-preview")).toHaveText("$25.00 → 500 CR");
    await expect(page.getByTestId("top-up-bonus")).toHaveText("+ 100 CR bonus from your coupon BONUS20 (20%)");
    await page.getByRole("button", { name: "Pay $25.00" }).click();
    await payOnTestCheckout(page, "4242 4242 4242 4242");
    await expect(page.getByTestId("top-up-message")).toHaveText("Payment received: 500 CR + 100 CR bonus added to your balance.");
    await expect(page.getByTestId("receipt-bonus-from-your-coupon")).toHaveText("100 CR (Credits)");
    expect(await api.get(`/customers/${customer.id}/wallet/default:CREDIT`)).toMatchObject({ available: 650 });

    await page.goto("/credits");
    await expect(page.getByTestId("pending-bonus")).toHaveCount(0);
    await expect(page.getByTestId("credit-timeline").locator("tbody tr").first()).toContainText("from coupon");
  });
});
