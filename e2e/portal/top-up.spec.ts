import { expect, RETURN_URL, FAILURE_URL, signIn, test } from "../fixtures";
import { payOnTestCheckout, ready } from "../payments-helpers";

test.describe("[TOP-UP] manual top-ups through the TEST MODE checkout", () => {
  test("a fiat top-up: a declined card, then 4242, a receipt, and the balance and transactions updated", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Fiona Fiat" });
    await signIn(page, api, customer.id, "/top-up");
    await ready(page);
    await expect(page.getByText("TEST MODE.")).toBeVisible();
    await page.getByRole("button", { name: "$50.00" }).click();
    await expect(page.getByTestId("top-up-preview")).toHaveText("You pay $50.00");
    await page.getByRole("button", { name: "Pay $50.00" }).click();
    await payOnTestCheckout(page, "4000 0000 0000 0002");
    await expect(page.getByRole("alert").filter({ hasText: "Your card was declined" })).toBeVisible();
    await page.getByLabel("Card number").fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: "Pay $50.00" }).click();
    await expect(page).toHaveURL(/\/top-up\/top_[0-9a-z]{26}$/);
    await expect(page.getByTestId("top-up-message")).toHaveText("Payment received: $50.00 added to your balance.");
    await expect(page.getByTestId("receipt-amount-charged")).toHaveText("$50.00");
    await expect(page.getByTestId("receipt-card")).toHaveText("Visa ending 4242");

    const account = await api.get(`/customers/${customer.id}/wallet/default:USD`);
    expect(account).toMatchObject({ available: 50, pending_in: 0 });
    const txns = await api.get(`/customers/${customer.id}/wallet/default:USD/transactions`);
    expect(txns.items[0]).toMatchObject({ amount: 50, balance_after: 50, category: "top_up" });
    await page.goto("/");
    await expect(page.getByTestId("balance-USD").getByTestId("available")).toHaveText("$50.00");
  });

  test("a custom asset bought by units: $20.00 → 400 credits, authenticated with 3155, credited at the default rate", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Cora Credits" });
    await api.post("/assets", { code: "CREDIT", name: "Credits", precision: 0, label: "credits", rates: [{ source: "USD", rate: 0.05 }] });
    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `g-${customer.id}`, asset: "CREDIT", amount: 5, reason: "gift" });
    await signIn(page, api, customer.id, "/top-up");
    await ready(page);
    await page.getByRole("radio", { name: "Credits" }).check();
    await page.getByRole("radio", { name: "How many credits to get" }).check();
    await page.getByLabel("Number of credits").fill("400");
    await expect(page.getByTestId("top-up-preview")).toHaveText("$20.00 → 400 credits");
    await page.getByRole("button", { name: "Pay $20.00" }).click();
    await payOnTestCheckout(page, "4000 0025 0000 3155");
    await page.getByRole("button", { name: "Complete authentication" }).click();
    await expect(page.getByTestId("top-up-message")).toHaveText("Payment received: 400 credits added to your balance.");
    await expect(page.getByTestId("receipt-rate")).toHaveText("1 credits = $0.05");
    expect(await api.get(`/customers/${customer.id}/wallet/default:CREDIT`)).toMatchObject({ available: 405, pending_in: 0 });
    const txns = await api.get(`/customers/${customer.id}/wallet/default:CREDIT/transactions`);
    expect(txns.items[0]).toMatchObject({ amount: 400, balance_after: 405, category: "top_up" });
  });

  test("a platform-initiated top-up signs the customer in, lands on checkout, and returns to return_url", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Pat Platform" });
    const topUp = await api.post("/top-ups", { customer_id: customer.id, amount: 15, currency: "USD", return_url: RETURN_URL, failure_url: FAILURE_URL }, 201);
    expect(topUp).toMatchObject({ status: "initiated", redirect_url: expect.stringContaining("/api/sign-in?token=") });
    expect(await api.get(`/top-ups/${topUp.id}`)).toMatchObject({ status: "initiated", amount: 15 });
    await page.goto(topUp.redirect_url);
    await payOnTestCheckout(page, "4242424242424242");
    await expect(page).toHaveURL(RETURN_URL);
    expect(await api.get(`/top-ups/${topUp.id}`)).toMatchObject({ status: "completed", credited_amount: 15 });
    expect(await api.get(`/customers/${customer.id}/wallet/default:USD`)).toMatchObject({ available: 15 });
  });

  test("leaving checkout cancels the top-up with a clear message", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Carl Cancel" });
    await signIn(page, api, customer.id, "/top-up");
    await ready(page);
    await page.getByRole("button", { name: "Pay $25.00" }).click();
    await page.getByRole("link", { name: "Cancel and go back" }).click();
    await expect(page.getByTestId("top-up-message")).toHaveText("You cancelled this payment. Nothing was charged.");
    await expect(page.getByRole("link", { name: "Try again" })).toBeVisible();
  });
});
