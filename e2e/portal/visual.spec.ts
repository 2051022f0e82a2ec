import AxeBuilder from "@axe-core/playwright";
import { devices } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import { seedUsageCustomer } from "../portal-data";

// Every portal page, as a signed-in customer with data, plus the pages shown without a session.
const PAGES = [
  { name: "overview", path: "/" },
  { name: "usage", path: "/usage" },
  { name: "spend", path: "/spend" },
  { name: "transactions", path: "/transactions" },
  { name: "top-up", path: "/top-up" },
  { name: "auto-top-up", path: "/auto-top-up" },
  { name: "payment-methods", path: "/payment-methods" },
  { name: "plan", path: "/plan" },
  { name: "credits", path: "/credits" },
  { name: "orders", path: "/orders" },
];
const PUBLIC_PAGES = [
  { name: "link-error", path: "/link-error?reason=invalid" },
  { name: "signed-out", path: "/signed-out" },
];

const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: devices["Pixel 5"].viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

for (const [device, options] of Object.entries(VIEWPORTS)) {
  for (const scheme of ["light", "dark"] as const) {
    test.describe(`[VISUAL] ${device} ${scheme}`, () => {
      test.use({ ...options, colorScheme: scheme });

      test("portal pages have no axe violations and are captured", async ({ page, api }, info) => {
        test.setTimeout(150_000);
        await api.put("/platform/branding", { name: "Glitch AI", primary_color: "#7c3aed", accent_color: "#0891b2", support_url: "https://glitch.example.com/support", terms_url: "https://glitch.example.com/terms", privacy_url: "https://glitch.example.com/privacy" });
        const { customerId } = await seedUsageCustomer(api);
        // Promotional credits that expire in five days: the credit timeline and its banner have something to show.
        const expiresAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
        await api.post(`/customers/${customerId}/wallet/adjustments`, { transaction_id: `promo-${customerId}`, asset: "CREDIT", amount: 120, reason: "gift", expires_at: expiresAt }, 201);
        await signIn(page, api, customerId);
        for (const p of PAGES) {
          await page.goto(p.path);
          await expect(page.locator("main h1")).toBeVisible();
          const results = await new AxeBuilder({ page }).analyze();
          expect(results.violations.map((v) => `${p.name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`)).toEqual([]);
          await page.screenshot({ path: info.outputPath(`${p.name}-${device}-${scheme}.png`), fullPage: true });
        }
      });

      test("pages without a session have no axe violations", async ({ page }, info) => {
        for (const p of PUBLIC_PAGES) {
          await page.goto(p.path);
          await expect(page.locator("main h1")).toBeVisible();
          const results = await new AxeBuilder({ page }).analyze();
          expect(results.violations.map((v) => `${p.name}: ${v.id}`)).toEqual([]);
          await page.screenshot({ path: info.outputPath(`${p.name}-${device}-${scheme}.png`), fullPage: true });
        }
      });
    });
  }
}
