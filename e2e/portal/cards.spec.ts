import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import { customerWithBalance, ready, saveCard } from "../payments-helpers";

/** Pays a $25 top-up on the TEST MODE checkout, typing as a person does, ticking "save" or not. */
async function topUpWith(page: Page, card: string, save: boolean) {
  await page.goto("/top-up");
  await ready(page);
  await page.getByRole("button", { name: "Pay $25.00" }).click();
  await expect(page.getByTestId("test-mode-banner")).toBeVisible();
  await ready(page);
  await page.getByLabel("Card number").pressSequentially(card);
  await page.getByLabel("Expiry (MM / YY)").pressSequentially("1234");
  await page.getByLabel("CVC").pressSequentially("123");
  await page.getByRole("checkbox", { name: "Save this card for future payments" }).setChecked(save);
  await page.getByRole("button", { name: "Pay $25.00" }).click();
  await expect(page.getByTestId("top-up-message")).toContainText("Payment received");
}

test.describe("[CARDS] saved once, only with consent; checkout fields that help", () => {
  test("the checkout groups the card number, adds the expiry slash, and its placeholders are formats", async ({ page, api }) => {
    const customer = await customerWithBalance(api, "Fay Fields", 5);
    await signIn(page, api, customer.id, "/top-up");
    await ready(page);
    await page.getByRole("button", { name: "Pay $25.00" }).click();
    await ready(page);
    const number = page.getByLabel("Card number");
    const expiry = page.getByLabel("Expiry (MM / YY)");
    await expect(number).toHaveAttribute("placeholder", "1234 1234 1234 1234");
    await expect(expiry).toHaveAttribute("placeholder", "MM / YY");
    await expect(page.getByLabel("CVC")).toHaveAttribute("placeholder", "3 or 4 digits");
    await number.pressSequentially("4242424242424242");
    await expect(number).toHaveValue("4242 4242 4242 4242");
    await expiry.pressSequentially("1234");
    await expect(expiry).toHaveValue("12 / 34");
  });

  test("a card is saved only when the customer ticks save, and the same card is listed once", async ({ page, api }) => {
    const customer = await customerWithBalance(api, "Sol Saver", 5);
    await signIn(page, api, customer.id);
    await topUpWith(page, "4242424242424242", false);
    await page.goto("/payment-methods");
    await expect(page.getByText("No saved cards yet.")).toBeVisible();

    await topUpWith(page, "4242424242424242", true);
    await topUpWith(page, "4242424242424242", true);
    await saveCard(page, "4242 4242 4242 4242");
    await page.goto("/payment-methods");
    await expect(page.getByTestId("card-4242")).toHaveCount(1);
  });
});
