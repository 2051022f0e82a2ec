import { expect, type Locator, type Page } from "@playwright/test";
import type { ApiClient } from "./fixtures";

/** Waits until React has taken over the page, so typing and clicks are never reset by hydration. */
export async function ready(page: Page) {
  await page.waitForFunction(() => document.documentElement.dataset.hydrated === "true");
}

/** Fills the TEST MODE checkout and submits it. */
export async function payOnTestCheckout(page: Page, card: string, button: RegExp | string = /^(Pay|Save card)/) {
  await expect(page.getByTestId("test-mode-banner")).toBeVisible();
  await ready(page);
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry (MM / YY)").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByRole("button", { name: button }).click();
}

/** Saves a card through the portal's payment methods page; `authenticate` for a card whose bank asks to confirm it. */
export async function saveCard(page: Page, card: string, { authenticate = false } = {}) {
  await page.goto("/payment-methods");
  await ready(page);
  await page.getByRole("button", { name: "Add a card" }).click();
  await payOnTestCheckout(page, card, "Save card");
  if (authenticate) await page.getByRole("button", { name: "Complete authentication" }).click();
  await expect(page.getByText("Your card was saved.")).toBeVisible();
}

/** A new customer with a USD balance given by the platform. */
export async function customerWithBalance(api: ApiClient, name: string, usd: number) {
  const customer = await api.post("/customers", { name });
  await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `g-${customer.id}`, asset: "USD", amount: usd, reason: "gift" });
  return customer as { id: string };
}

/** Fills an account's auto top-up form, ticks the authorisation and switches it on. */
export async function turnOnAutoTopUp(section: Locator, threshold: string, amount: string) {
  await section.getByLabel("When my balance falls below (USD)").fill(threshold);
  await section.getByLabel("Add (USD)").fill(amount);
  await section.getByRole("checkbox", { name: /I authorise/ }).check();
  await section.getByRole("button", { name: "Turn on auto top-up" }).click();
  await expect(section.getByTestId("auto-top-up-state")).toContainText(`On: adds $${amount}.00 when the balance falls below $${threshold}.00`);
}
