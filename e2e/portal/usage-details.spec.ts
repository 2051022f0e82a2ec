import { devices, type Locator, type Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import { ready } from "../payments-helpers";
import { seedUsageCustomer } from "../portal-data";

/** The "how it was billed" panel a usage row's button controls. */
async function detailsOf(page: Page, row: Locator): Promise<Locator> {
  return page.locator(`[id="${await row.getByRole("button").getAttribute("aria-controls")}"]`);
}

/** Scrolls the panel into view and checks every edge of it is inside the viewport. */
async function expectFullyVisible(page: Page, panel: Locator) {
  await expect(panel).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  const box = (await panel.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  await expect(panel).toContainText("Balance after");
}

const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: devices["iPhone 12"].deviceScaleFactor },
} as const;

for (const [device, options] of Object.entries(DEVICES)) {
  test.describe(`[USAGE DETAILS] ${device}`, () => {
    test.use(options);
    // A phone is tapped; a desktop pointer hovers first, which must not make the click close it again.
    const activate = device === "phone" ? (b: Locator) => b.tap() : async (b: Locator) => { await b.hover(); await b.click(); };

    test("how a usage row was billed opens by pointer and by keyboard, stays open, and is fully visible", async ({ page, api }) => {
      const seeded = await seedUsageCustomer(api);
      await signIn(page, api, seeded.customerId, "/usage");
      await ready(page);
      const row = page.locator(`tr[data-event-id="${seeded.eventIds[0]}"]`);
      const button = row.getByRole("button");
      const panel = await detailsOf(page, row);
      await expect(panel).toBeHidden();

      await activate(button);
      await expect(button).toHaveAttribute("aria-expanded", "true");
      await expectFullyVisible(page, panel);
      await expect(panel).toContainText("2,000 × $0.03 each = $60.00");
      await page.mouse.move(0, 0);
      await expect(panel).toBeVisible();
      await activate(button);
      await expect(panel).toBeHidden();

      // The keyboard: Enter and Space on the focused button.
      const other = page.locator(`tr[data-event-id="${seeded.eventIds[2]}"]`);
      const otherPanel = await detailsOf(page, other);
      await other.getByRole("button").focus();
      await page.keyboard.press("Enter");
      await expectFullyVisible(page, otherPanel);
      await expect(otherPanel).toContainText("Trailer render");
      await page.keyboard.press("Space");
      await expect(otherPanel).toBeHidden();
    });
  });
}
