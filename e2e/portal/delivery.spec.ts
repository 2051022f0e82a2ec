import type { Response } from "@playwright/test";
import { expect, mintLink, test } from "../fixtures";

test.describe("[DELIVERY] static assets", () => {
  test("the portal's scripts arrive brotli-compressed and cached for good", async ({ api, page }) => {
    const customer = await api.post("/customers", { name: "Delivery" });
    await page.goto(await mintLink(api, customer.id));
    const responses: Response[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() === "script" && response.url().includes("/_next/static/")) responses.push(response);
    });
    // Every script of the page has arrived by the load event.
    await page.goto("/transactions", { waitUntil: "load" });
    await expect(page.getByRole("heading", { name: "Transactions" })).toBeVisible();
    const scripts = await Promise.all(
      responses.map(async (response) => {
        const headers = await response.allHeaders();
        return { url: response.url(), encoding: headers["content-encoding"], cache: headers["cache-control"], bytes: (await response.body()).length };
      }),
    );
    const worthCompressing = scripts.filter((s) => s.bytes >= 1024);
    expect(worthCompressing.length).toBeGreaterThan(3);
    for (const s of worthCompressing) {
      expect(s.encoding, s.url).toBe("br");
      expect(s.cache, s.url).toBe("public, max-age=31536000, immutable");
    }
  });
});
