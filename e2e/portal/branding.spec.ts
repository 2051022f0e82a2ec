import { createPlatformClient, expect, signIn, test } from "../fixtures";
import { ready } from "../payments-helpers";

const WORDMARK = "https://glitch.example.com/wordmark.svg";

test.describe("[BRANDING] the portal carries the platform", () => {
  test("a wide logo keeps its aspect ratio, titles and the tab icon name the platform, and the accent marks the current section", async ({ page, api, request }) => {
    await page.route(WORDMARK, (route) =>
      route.fulfill({ contentType: "image/svg+xml", body: '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64"><rect width="240" height="64" fill="#7c3aed"/></svg>' }),
    );
    await api.put("/platform/branding", { name: "Glitch AI", logo_url: WORDMARK, primary_color: "#7c3aed", accent_color: "#0891b2" });
    const customer = await api.post("/customers", { name: "Lena Logo" });
    await signIn(page, api, customer.id, "/usage");
    await ready(page);

    await expect(page).toHaveTitle("Usage · Glitch AI billing");
    const logo = page.getByTestId("platform-logo");
    await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
    const box = (await logo.boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(240 / 64, 1);
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", WORDMARK);
    const current = page.getByRole("navigation", { name: "Billing sections" }).getByRole("link", { name: "Usage" });
    await expect(current).toHaveCSS("box-shadow", /rgb\(8, 145, 178\)/);

    // A platform without a logo: its initial on its own colour is the tab icon.
    const other = await createPlatformClient(request, "Acme Compute");
    await other.put("/platform/branding", { name: "Acme Compute", primary_color: "#16a34a" });
    const acmeCustomer = await other.post("/customers", { name: "Ari Acme" });
    await signIn(page, other, acmeCustomer.id);
    await expect(page).toHaveTitle("Overview · Acme Compute billing");
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", /^data:image\/svg\+xml,.*%2316a34a/);
  });
});
