import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import { ready } from "../payments-helpers";
import { seedUsageCustomer } from "../portal-data";

// Every portal page, signed in as a customer with data, then the pages shown without a session.
const PAGES = ["/", "/usage", "/spend", "/budget", "/transactions", "/top-up", "/auto-top-up", "/payment-methods", "/plan", "/credits", "/orders"];
const PUBLIC_PAGES = ["/signed-out", "/link-error?reason=invalid", "/no-such-page"];
const SHOTS = process.env.E2E_SHOTS_DIR ?? "test-results/shots";

/**
 * Sideways scroll (WCAG 1.4.10 reflow) and axe violations on one page, as readable problems, after a
 * full-page screenshot to look at.
 */
async function problemsOf(page: Page, path: string, label: string): Promise<string[]> {
  await page.goto(path);
  await page.locator("main h1").first().waitFor();
  await ready(page);
  const name = path.replace(/^\/$/, "overview").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
  await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  const results = await new AxeBuilder({ page }).analyze();
  return [
    ...(scroll > width ? [`${path}: scrolls sideways (${scroll} > ${width})`] : []),
    ...results.violations.map((v) => `${path}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`),
  ];
}

for (const width of [320, 390, 1440]) {
  for (const scheme of ["light", "dark"] as const) {
    test.describe(`[EVERY PAGE] ${width} px ${scheme}`, () => {
      test.use({ viewport: { width, height: 900 }, colorScheme: scheme, isMobile: width < 1024, hasTouch: width < 1024 });

      test("no sideways scroll and no axe violations on any page", async ({ page, api }) => {
        test.setTimeout(240_000);
        await api.put("/platform/branding", { name: "Glitch AI", primary_color: "#7c3aed", accent_color: "#0891b2", support_url: "https://glitch.example.com/support", terms_url: "https://glitch.example.com/terms", privacy_url: "https://glitch.example.com/privacy" });
        const { customerId } = await seedUsageCustomer(api);
        const expiresAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
        await api.post(`/customers/${customerId}/wallet/adjustments`, { transaction_id: `promo-${customerId}`, asset: "CREDIT", amount: 120, reason: "gift", expires_at: expiresAt }, 201);
        await signIn(page, api, customerId);
        const problems: string[] = [];
        for (const path of PAGES) problems.push(...(await problemsOf(page, path, `${width}-${scheme}`)));
        await page.context().clearCookies();
        for (const path of PUBLIC_PAGES) problems.push(...(await problemsOf(page, path, `${width}-${scheme}`)));
        expect(problems).toEqual([]);
      });
    });
  }
}
