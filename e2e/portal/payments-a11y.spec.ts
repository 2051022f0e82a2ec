import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import { customerWithBalance, ready, saveCard, turnOnAutoTopUp } from "../payments-helpers";

async function noViolations(page: Page, label: string) {
  await ready(page);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${label}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("[PAYMENTS-A11Y] payment pages are accessible", () => {
  test("top up, checkout by keyboard alone, receipt, cards and auto top-up have no axe violations", async ({ page, api }) => {
    const customer = await customerWithBalance(api, "Alex Access", 30);
    await signIn(page, api, customer.id, "/top-up");
    await noViolations(page, "top up");
    await page.getByRole("button", { name: "Pay $25.00" }).click();
    await page.waitForURL(/\/test-checkout\//);
    await noViolations(page, "test checkout");
    await page.getByLabel("Card number").focus();
    await page.keyboard.type("4242 4242 4242 4242");
    await page.keyboard.press("Tab");
    await page.keyboard.type("12 / 34");
    await page.keyboard.press("Tab");
    await page.keyboard.type("123");
    // The card pays the automatic top-ups below, so the customer keeps it: the consent box, by keyboard too.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("checkbox", { name: "Save this card for future payments" })).toBeFocused();
    await page.keyboard.press("Space");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("receipt")).toBeVisible();
    await noViolations(page, "receipt");
    await saveCard(page, "4000 0000 0000 0341");
    await noViolations(page, "payment methods");
    await page.goto("/auto-top-up");
    await ready(page);
    const usd = page.getByTestId("auto-top-up-default:USD");
    await turnOnAutoTopUp(usd, "10", "20");
    await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `d-${customer.id}`, asset: "USD", amount: -50, reason: "adjustment" });
    await expect(usd.getByTestId("attempt-row").first()).toContainText("Succeeded", { timeout: 20_000 });
    await noViolations(page, "auto top-up");
  });
});
