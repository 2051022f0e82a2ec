import { expect, signIn, test } from "../fixtures";
import { ready } from "../payments-helpers";

test.describe("[CURRENCY DEFAULTS] pages open on the platform's currency", () => {
  test("a USD platform's customer with euros too sees dollars first on the overview, Spending and Top up", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Eva Euro" });
    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `eur-${customer.id}`, asset: "EUR", amount: 40, reason: "gift" }, 201);
    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `usd-${customer.id}`, asset: "USD", amount: 30, reason: "gift" }, 201);
    await signIn(page, api, customer.id);
    await expect(page.getByTestId("balance-EUR")).toBeVisible();
    const order = await page
      .locator('[data-testid="balance-USD"], [data-testid="balance-EUR"]')
      .evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.testid));
    expect(order).toEqual(["balance-USD", "balance-EUR"]);

    await page.goto("/spend");
    await expect(page.getByRole("navigation", { name: "Balance" }).locator('[aria-current="page"]')).toHaveText("US Dollar");

    await page.goto("/top-up");
    await ready(page);
    await expect(page.getByRole("radio", { name: "US Dollar" })).toBeChecked();
    await expect(page.getByTestId("top-up-preview")).toContainText("$");
  });
});
