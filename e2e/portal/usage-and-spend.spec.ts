import { expect, signIn, test } from "../fixtures";
import { seedUsageCustomer } from "../portal-data";

test.describe("[OVERVIEW · USAGE · SPENDING]", () => {
  test("the overview shows exact balances, spent this month, runway and the latest usage", async ({ page, api }) => {
    const seeded = await seedUsageCustomer(api);
    await signIn(page, api, seeded.customerId);
    const usd = page.getByTestId("balance-USD");
    await expect(usd.getByTestId("available")).toHaveText("$35.50");
    await expect(usd.getByTestId("spent-this-month")).toHaveText("$64.50");
    await expect(usd.getByTestId("runway")).toHaveText("At your 7-day spend rate this lasts ~3 days.");
    const credit = page.getByTestId("balance-CREDIT");
    await expect(credit.getByTestId("available")).toHaveText("490 CR");
    await expect(credit.getByTestId("fiat-value")).toHaveText("≈ $24.50 at $0.05 per CR");
    await expect(credit.getByTestId("spent-this-month")).toHaveText("10 CR");
    await expect(page.getByTestId("usage-table").locator("tbody tr[data-event-id]")).toHaveCount(4);
    await expect(page.getByTestId("spend-USD").getByTestId("spend-total")).toHaveText("$64.50");
  });

  test("a usage row's details explain the fee, by keyboard; filters narrow the list", async ({ page, api }) => {
    const seeded = await seedUsageCustomer(api);
    await signIn(page, api, seeded.customerId, "/usage");
    const rows = page.getByTestId("usage-table").locator("tbody tr[data-event-id]");
    await expect(rows).toHaveCount(4);
    const gpt4 = page.locator(`tr[data-event-id="${seeded.eventIds[0]}"]`);
    await expect(gpt4).toContainText("Multi-Model Chat");
    await expect(gpt4).toContainText("chat_8f2a");
    await expect(gpt4).toContainText("$60.00");
    await gpt4.getByRole("button").focus();
    await page.keyboard.press("Enter");
    const tip = page.locator(`#${await gpt4.getByRole("button").getAttribute("aria-controls")}`);
    await expect(tip).toBeVisible();
    await expect(tip).toContainText("Long answer about compilers");
    await expect(tip).toContainText("GPT-4 Tokens (model: gpt-4)");
    await expect(tip).toContainText("2,000 × $0.03 each = $60.00");
    await expect(tip).toContainText("Balance after: $40.00");
    await page.keyboard.press("Enter");
    await expect(tip).toBeHidden();
    const fallback = page.locator(`tr[data-event-id="${seeded.eventIds[1]}"]`);
    await fallback.getByRole("button").click();
    await expect(page.locator(`#${await fallback.getByRole("button").getAttribute("aria-controls")}`)).toContainText("Other Tokens (model: mistral)");

    await page.getByLabel("Product").selectOption(seeded.products.video);
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("video_trailer");
    await page.getByLabel("Product").selectOption("");
    await expect(rows).toHaveCount(4);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel("From").fill(tomorrow);
    await expect(page.getByText("No usage in this period")).toBeVisible();
  });

  test("spending charts total per asset, convert credits to money, and offer a table", async ({ page, api }) => {
    const seeded = await seedUsageCustomer(api);
    await signIn(page, api, seeded.customerId, "/spend");
    await expect(page.getByTestId("spend-USD").getByTestId("spend-total")).toHaveText("$64.50");
    await page.getByRole("navigation", { name: "Balance" }).getByRole("link", { name: "Credits" }).click();
    await expect(page.getByTestId("spend-CREDIT").getByTestId("spend-total")).toHaveText("10 CR");
    await page.getByRole("navigation", { name: "Show amounts in" }).getByRole("link", { name: "USD" }).click();
    await expect(page.getByTestId("spend-CREDIT").getByTestId("spend-total")).toHaveText("$0.50");
    const twelveMonths = page.getByRole("navigation", { name: "Period" }).getByRole("link", { name: "12 months" });
    await twelveMonths.click();
    // The old period's table must not take the click while the new one streams in.
    await expect(twelveMonths).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("img", { name: /Credits spent per week/ })).toBeVisible();
    await page.getByText("View as a table").click();
    await expect(page.getByRole("region", { name: /Credits spent per week/ }).locator("tbody tr").last()).toContainText("$0.50");
    await expect(page.locator("figure[role=img] svg").first()).toBeVisible();
  });

  test("?locale= formats numbers and dates in another language", async ({ page, api }) => {
    const seeded = await seedUsageCustomer(api);
    await signIn(page, api, seeded.customerId);
    await page.goto("/?locale=de-DE");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId("balance-USD").getByTestId("available")).toHaveText("35,50 $");
    await expect(page.getByTestId("balance-CREDIT").getByTestId("available")).toHaveText("490 CR");
    await expect(page.locator("html")).toHaveAttribute("lang", "de-DE");
  });
});
