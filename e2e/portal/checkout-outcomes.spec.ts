import { expect, signIn, test } from "../fixtures";
import { customerWithBalance, payOnTestCheckout, ready } from "../payments-helpers";

test.describe("[CHECKOUT OUTCOMES] only money in flight is pending", () => {
  test("a declined card reads Declined and adds nothing pending; an abandoned checkout is not paid and says until when", async ({ page, api }) => {
    const customer = await customerWithBalance(api, "Dana Declined", 10);
    await signIn(page, api, customer.id, "/top-up");
    await ready(page);
    await page.getByRole("button", { name: "$50.00" }).click();
    await page.getByRole("button", { name: "Pay $50.00" }).click();
    await payOnTestCheckout(page, "4000 0000 0000 0002");
    await expect(page.getByRole("alert").filter({ hasText: "Your card was declined" })).toBeVisible();

    await page.goto("/");
    await expect(page.getByTestId("balance-USD").getByTestId("available")).toHaveText("$10.00");
    await expect(page.getByTestId("balance-USD").getByTestId("pending-in")).toHaveCount(0);
    expect(await api.get(`/customers/${customer.id}/wallet/default:USD`)).toMatchObject({ pending_in: 0 });

    await page.goto("/top-up");
    const rows = page.locator('[data-testid^="top-up-top_"]');
    await expect(rows.first().locator("[data-status]")).toHaveText("✕Declined");

    // Opened and left without paying: not pending money, and the row says how long it can still be paid.
    await ready(page);
    await page.getByRole("button", { name: "Pay $25.00" }).click();
    await expect(page.getByTestId("test-mode-banner")).toBeVisible();
    await page.goto("/");
    await expect(page.getByTestId("balance-USD").getByTestId("pending-in")).toHaveCount(0);
    await page.goto("/top-up");
    await expect(rows.first().locator("[data-status]")).toHaveText("…Not paid yet");
    await expect(rows.first().getByTestId("checkout-expires")).toContainText("Checkout open until");
    await expect(page.getByText("Pending", { exact: true })).toHaveCount(0);
  });

  test("Back after cancelling a checkout shows it closed, with no card form", async ({ page, api }) => {
    const customer = await customerWithBalance(api, "Colin Closed", 10);
    await signIn(page, api, customer.id, "/top-up");
    await ready(page);
    await page.getByRole("button", { name: "Pay $25.00" }).click();
    await expect(page.getByLabel("Card number")).toBeVisible();
    await page.getByRole("link", { name: "Cancel and go back" }).click();
    await expect(page.getByTestId("top-up-message")).toHaveText("You cancelled this payment. Nothing was charged.");
    await page.goBack();
    await expect(page.getByTestId("checkout-closed")).toBeVisible();
    await expect(page.getByLabel("Card number")).toHaveCount(0);
  });
});
