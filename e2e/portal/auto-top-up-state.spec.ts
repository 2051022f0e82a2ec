import { expect, signIn, test } from "../fixtures";
import { customerWithBalance, ready, saveCard, turnOnAutoTopUp } from "../payments-helpers";

test.describe("[AUTO-TOP-UP STATE] what auto top-up will really do", () => {
  test("suggested values and a credits preview, consent remembered, and Paused until when and why after the daily limit", async ({ page, api }) => {
    await api.put("/platform/settings", { currency: "USD", top_up: { min_amount: 5, max_amount: 1000, presets: [10, 25, 50, 100] }, auto_top_up: { max_charges_per_day: 1 } });
    await api.post("/assets", { code: "CREDIT", name: "Credits", precision: 0, label: "CR", rates: [{ source: "USD", rate: 0.05 }] });
    const customer = await customerWithBalance(api, "Sam State", 30);
    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `c-${customer.id}`, asset: "CREDIT", amount: 100, reason: "gift" });
    await signIn(page, api, customer.id);
    await saveCard(page, "4242 4242 4242 4242");
    await page.goto("/auto-top-up");
    await ready(page);

    // Nothing saved yet: the form starts from a usual top-up, and a custom asset previews what it buys.
    const usd = page.getByTestId("auto-top-up-default:USD");
    await expect(usd.getByLabel("Add (USD)")).toHaveValue("25");
    await expect(usd.getByLabel("When my balance falls below (USD)")).toHaveValue("12.5");
    const credits = page.getByTestId("auto-top-up-default:CREDIT");
    await expect(credits.getByLabel("When my balance falls below (CR)")).toHaveValue("250");
    await expect(credits.getByText("Adds 500 CR at today's rate.")).toBeVisible();

    await turnOnAutoTopUp(usd, "10", "20");
    await page.reload();
    await ready(page);
    const consent = usd.getByRole("checkbox", { name: /I authorise/ });
    await expect(consent).toBeChecked();
    await expect(usd.getByRole("button", { name: "Save changes" })).toBeEnabled();

    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `d1-${customer.id}`, asset: "USD", amount: -25, reason: "adjustment" });
    await expect(usd.getByTestId("attempt-row").first()).toContainText("Succeeded", { timeout: 20_000 });
    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `d2-${customer.id}`, asset: "USD", amount: -20, reason: "adjustment" });
    const state = usd.getByTestId("auto-top-up-state");
    await expect(async () => {
      await page.reload();
      await expect(state).toContainText("Paused until", { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(state).toContainText("The daily limit of 1 automatic top-up in 24 hours is reached.");
    await expect(state).not.toContainText("On:");

    // Already on: changing a term asks for consent again, and says saving (not turning on) charges at once.
    await ready(page);
    await usd.getByLabel("Add (USD)").fill("30");
    await expect(consent).not.toBeChecked();
    await expect(usd.getByTestId("charge-now-warning")).toContainText("saving these settings charges $30.00");
  });
});
