import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, FAILURE_URL, RETURN_URL, test, type ApiClient } from "../fixtures";
import { ready } from "../payments-helpers";
import { seedUsageCustomer } from "../portal-data";

const SHOTS = process.env.E2E_SHOTS_DIR ?? "test-results/shots";

/** Signs in through a session the platform minted in `locale`. */
async function signInAs(page: Page, api: ApiClient, customerId: string, locale: string): Promise<void> {
  const session = await api.post("/billing-portal/sessions", { customer_id: customerId, return_url: RETURN_URL, failure_url: FAILURE_URL, locale }, 201);
  await page.goto(session.redirect_url as string);
  await ready(page);
}

/** lang and dir on the page, no sideways scroll, no axe violations, and a screenshot to look at. */
async function checkPage(page: Page, locale: string, name: string, width: number): Promise<string[]> {
  await ready(page);
  const dir = locale === "ar" ? "rtl" : "ltr";
  await expect(page.locator("html")).toHaveAttribute("lang", new RegExp(`^${locale}`));
  await expect(page.locator("html")).toHaveAttribute("dir", dir);
  await page.screenshot({ path: `${SHOTS}/locale-${locale}-${name}-${width}.png`, fullPage: true });
  const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  const results = await new AxeBuilder({ page }).analyze();
  return [
    ...(scroll > inner ? [`${locale} ${name}: scrolls sideways (${scroll} > ${inner})`] : []),
    ...results.violations.map((v) => `${locale} ${name}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`),
  ];
}

// Each language's words for what the flows click and read, and how it writes twelve and a half.
const FLOWS = {
  de: { usage: "Nutzung", details: /So wurde .* abgerechnet/, amount: "12,50", preview: "12,50 $", ambiguous: "12.50", signOut: "Abmelden", signedOut: "Sie sind abgemeldet" },
  ja: { usage: "利用状況", details: /の課金内容/, amount: "１２．５０", preview: "$12.50", ambiguous: "12,50", signOut: "ログアウト", signedOut: "ログアウトしました" },
  ar: { usage: "الاستخدام", details: /كيف احتُسب/, amount: "12.50", preview: "12.50", ambiguous: "12,50", signOut: "تسجيل الخروج", signedOut: "لقد سجّلت الخروج" },
} as const;

for (const [locale, words] of Object.entries(FLOWS)) {
  for (const width of [390, 1440]) {
    test.describe(`[LOCALES] ${locale} at ${width} px`, () => {
      test.use({ viewport: { width, height: 900 }, isMobile: width < 1024, hasTouch: width < 1024 });

      test("overview, usage, filters, top-up, auto top-up and sign-out in the customer's language", async ({ page, api }) => {
        test.setTimeout(240_000);
        await api.put("/platform/branding", { name: "Glitch AI" });
        const { customerId, products } = await seedUsageCustomer(api);
        await signInAs(page, api, customerId, locale);
        const problems = await checkPage(page, locale, "overview", width);

        await page.getByRole("navigation").getByRole("link", { name: words.usage, exact: true }).click();
        await expect(page).toHaveURL(/\/usage$/);
        await page.getByRole("button", { name: words.details }).first().click();
        await expect(page.getByTestId("usage-details").first()).toBeVisible();
        await page.locator("#usage-product").selectOption(products.video);
        await expect(page).toHaveURL(new RegExp(`product=${products.video}`));
        await expect(page.getByTestId("usage-table").locator("tbody tr[data-event-id]")).toHaveCount(1);
        problems.push(...(await checkPage(page, locale, "usage", width)));

        await page.goto("/transactions?category=top_ups");
        await expect(page.getByTestId("transactions-table").locator("tbody tr")).toHaveCount(1);
        problems.push(...(await checkPage(page, locale, "transactions", width)));

        await page.goto("/spend");
        problems.push(...(await checkPage(page, locale, "spend", width)));

        for (const name of ["budget", "notifications"]) {
          await page.goto(`/${name}`);
          problems.push(...(await checkPage(page, locale, name, width)));
        }

        await page.goto("/top-up");
        await ready(page);
        const amount = page.locator("input[inputmode=decimal]");
        await amount.fill(words.ambiguous);
        await expect(page.getByRole("alert").first()).not.toBeEmpty();
        await amount.fill(words.amount);
        await expect(page.getByTestId("top-up-preview")).toContainText(words.preview);
        problems.push(...(await checkPage(page, locale, "top-up", width)));

        await page.goto("/auto-top-up");
        await ready(page);
        const usd = page.getByTestId("auto-top-up-default:USD");
        await usd.locator("input[inputmode=decimal]").first().fill(words.amount);
        await expect(usd.locator("input[inputmode=decimal]").first()).toHaveAttribute("aria-invalid", "false");
        problems.push(...(await checkPage(page, locale, "auto-top-up", width)));

        await page.getByRole("button", { name: words.signOut }).click();
        await expect(page).toHaveURL(RETURN_URL);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.signedOut);
        problems.push(...(await checkPage(page, locale, "signed-out", width)));
        expect(problems).toEqual([]);
      });
    });
  }
}

test("[LOCALES] a session minted in French opens in French for a browser that asks for English", async ({ browser, api }) => {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const customer = await api.post("/customers", { name: "Frédérique" }, 201);
  await signInAs(page, api, customer.id, "fr");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aperçu");
  await page.goto("/transactions");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opérations");
  await context.close();
});

test("[LOCALES] with no choice made, Accept-Language picks the language, and the switcher's choice is remembered", async ({ browser, api }) => {
  const context = await browser.newContext({ locale: "ja-JP" });
  const page = await context.newPage();
  const customer = await api.post("/customers", { name: "Hanako" }, 201);
  await signInAs(page, api, customer.id, "auto");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja-JP");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("概要");
  await page.getByLabel("言語").selectOption("de");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.goto("/usage");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nutzung");
  await context.close();
});
