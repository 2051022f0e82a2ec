import { expect, type Page } from "@playwright/test";

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

/** Saves a card through the portal's payment methods page. */
export async function saveCard(page: Page, card: string) {
  await page.goto("/payment-methods");
  await ready(page);
  await page.getByRole("button", { name: "Add a card" }).click();
  await payOnTestCheckout(page, card, "Save card");
  await expect(page.getByText("Your card was saved.")).toBeVisible();
}
