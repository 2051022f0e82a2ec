import { expect, signIn, test } from "../fixtures";
import { customerWithBalance, payOnTestCheckout, ready, saveCard, turnOnAutoTopUp } from "../payments-helpers";

test.describe("[AUTO-TOP-UP] automatic top-ups the customer controls", () => {
  test("configure it, debit across the threshold, see the attempt and the new balance", async ({ page, api }) => {
    const customer = await customerWithBalance(api, "Otto Auto", 30);
    await signIn(page, api, customer.id);
    await saveCard(page, "4242 4242 4242 4242");
    await page.goto("/auto-top-up");
    await ready(page);
    const usd = page.getByTestId("auto-top-up-default:USD");
    await expect(usd.getByTestId("auto-top-up-state")).toHaveText("Off");
    await expect(usd.getByTestId("charge-now-warning")).toHaveCount(0);
    await turnOnAutoTopUp(usd, "10", "20");

    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `d-${customer.id}`, asset: "USD", amount: -25, reason: "adjustment" });
    await expect(usd.getByTestId("attempt-row").first()).toContainText("Succeeded", { timeout: 20_000 });
    await expect(usd.getByTestId("attempt-row").first()).toContainText("$20.00");
    await expect(usd.getByTestId("auto-top-up-balance")).toHaveText("$25.00");
    expect(await api.get(`/customers/${customer.id}/wallet/default:USD`)).toMatchObject({ available: 25, pending_in: 0 });
    const txns = await api.get(`/customers/${customer.id}/wallet/default:USD/transactions`);
    expect(txns.items[0]).toMatchObject({ amount: 20, balance_after: 25, category: "auto_top_up" });
  });

  test("a declined card backs off, and the third decline in a row switches auto top-up off with a notice", async ({ page, api }) => {
    const customer = await customerWithBalance(api, "Dana Decline", 30);
    await signIn(page, api, customer.id);
    await saveCard(page, "4000 0000 0000 0341");
    await page.goto("/auto-top-up");
    await ready(page);
    const usd = page.getByTestId("auto-top-up-default:USD");
    await turnOnAutoTopUp(usd, "10", "20");

    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `d-${customer.id}`, asset: "USD", amount: -25, reason: "adjustment" });
    const backoff = usd.getByTestId("auto-top-up-backoff");
    await expect(backoff).toContainText("We'll try again after", { timeout: 20_000 });
    await expect(usd.getByTestId("attempt-row").first()).toContainText("Failed");
    await expect(usd.getByTestId("attempt-row").first().getByTestId("next-retry")).not.toHaveText("—");
    await backoff.getByRole("button", { name: "Try again now" }).click();
    await expect(usd.getByTestId("attempt-row")).toHaveCount(2);
    await backoff.getByRole("button", { name: "Try again now" }).click();
    await expect(usd.getByTestId("attempt-row")).toHaveCount(3);
    await expect(usd.getByTestId("auto-top-up-notice")).toContainText("Auto top-up was switched off");
    await expect(usd.getByTestId("auto-top-up-notice")).toContainText("off after 3 declined payments in a row");
    await expect(usd.getByTestId("auto-top-up-state")).toHaveText("Off");
    await expect(usd.getByTestId("auto-top-up-backoff")).toHaveCount(0);
    expect(await api.get(`/customers/${customer.id}/wallet/default:USD`)).toMatchObject({ available: 5, pending_in: 0 });
  });

  test("the bank asks to confirm the card: paused, confirmed through Checkout, then the top-up goes through", async ({ page, api }) => {
    const customer = await customerWithBalance(api, "Cora Confirm", 30);
    await signIn(page, api, customer.id);
    // A card whose bank asks for authentication every time, even off-session.
    await saveCard(page, "4000 0027 6000 3184", { authenticate: true });
    await page.goto("/auto-top-up");
    await ready(page);
    const usd = page.getByTestId("auto-top-up-default:USD");
    await turnOnAutoTopUp(usd, "10", "20");

    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `d-${customer.id}`, asset: "USD", amount: -25, reason: "adjustment" });
    const action = usd.getByTestId("auto-top-up-action");
    await expect(action).toContainText("Your bank wants you to confirm your card.", { timeout: 20_000 });
    await expect(action).toContainText("Nothing was charged.");
    await expect(usd.getByTestId("auto-top-up-balance")).toHaveText("$5.00");
    expect(await api.get(`/customers/${customer.id}/wallet/default:USD`)).toMatchObject({ available: 5, pending_in: 0 });

    await action.getByRole("button", { name: "Confirm your card" }).click();
    await payOnTestCheckout(page, "4242 4242 4242 4242", "Save card");
    await page.waitForURL(/\/auto-top-up/);
    await ready(page);
    await expect(usd.getByTestId("auto-top-up-balance")).toHaveText("$25.00", { timeout: 20_000 });
    await expect(usd.getByTestId("auto-top-up-action")).toHaveCount(0);
    await expect(usd.getByTestId("attempt-row").first()).toContainText("Succeeded");
    await expect(usd.getByTestId("attempt-row").first()).toContainText("$20.00");
    expect(await api.get(`/customers/${customer.id}/wallet/default:USD`)).toMatchObject({ available: 25, pending_in: 0 });
  });
});
