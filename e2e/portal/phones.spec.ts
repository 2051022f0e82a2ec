import type { Locator, Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import { customerWithBalance, payOnTestCheckout, ready } from "../payments-helpers";

async function expectNoSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${page.url()} scrolls sideways`).toBeLessThanOrEqual(width);
}

async function expectInViewport(page: Page, el: Locator) {
  const box = (await el.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
}

for (const width of [320, 390]) {
  test.describe(`[PHONES] ${width} px`, () => {
    test.use({ viewport: { width, height: 800 }, isMobile: true, hasTouch: true });

    test("top-up and orders fit the screen as stacked records; the tab strip shows the current tab and that there is more", async ({ page, api }) => {
      const customer = await customerWithBalance(api, "Pia Phone", 5);
      await signIn(page, api, customer.id, "/top-up");
      await ready(page);
      await expectNoSidewaysScroll(page);
      await page.getByRole("button", { name: "Pay $25.00" }).click();
      await payOnTestCheckout(page, "4242 4242 4242 4242");
      await expect(page.getByTestId("top-up-message")).toContainText("Payment received");
      await expectNoSidewaysScroll(page);

      await page.goto("/orders");
      await ready(page);
      await expectNoSidewaysScroll(page);
      const order = page.locator('[data-testid^="order-top_"]').first();
      await expectInViewport(page, order.locator("[data-status]"));
      await expectInViewport(page, order.getByRole("link", { name: /Receipt/ }));

      // Orders is the last tab: it is scrolled into view, and the strip hints at the tabs before it.
      const strip = page.getByTestId("nav-strip");
      await expectInViewport(page, strip.getByRole("link", { name: "Orders" }));
      await expect(strip).toHaveAttribute("data-more-left", "true");
      await page.goto("/");
      await ready(page);
      await expect(strip).toHaveAttribute("data-more-right", "true");
      await expectInViewport(page, strip.getByRole("link", { name: "Overview" }));

      await page.goto("/top-up");
      await expectNoSidewaysScroll(page);
      const row = page.locator('[data-testid^="top-up-top_"]').first();
      await expectInViewport(page, row.getByRole("link", { name: /Receipt/ }));
    });
  });
}
