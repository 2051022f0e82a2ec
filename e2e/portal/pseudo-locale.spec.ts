import type { Page } from "@playwright/test";
import { expect, signIn, test } from "../fixtures";
import { ready } from "../payments-helpers";
import { seedUsageCustomer } from "../portal-data";

// In the pseudo-locale every catalogue message is accented and lengthened, so any English left on a page
// is text that skipped the catalogues. What may stay as it is: the platform's and the customer's own data.
const PAGES = [
  "/", "/usage", "/usage?by=model", "/spend", "/spend?by=model", "/transactions", "/top-up", "/auto-top-up", "/payment-methods", "/plan", "/credits", "/orders", "/billing-details",
  "/budget", "/notifications", "/signed-out", "/no-such-page",
];
const PUBLIC_PAGES = ["/signed-out", "/link-error?reason=invalid", "/check-email", "/check-email?limited=1", "/unsubscribe?token=x", "/no-such-page"];
const DATA = [
  "Glitch AI", "Ada Lovelace", "ada@example.com", "Credits", "CR", "USD", "Multi-Model Chat", "Video Studio", "Image Studio", "Token Usage",
  "GPT-4 Tokens", "Other Tokens", "Video Generation", "Image", "chat_8f2a", "chat_91c0", "Long answer about compilers", "Quick question",
  "video_trailer", "Trailer render", "img_logo", "Logo draft", "Card top-up", "Welcome credits", "model", "gpt-4", "mistral", "Visa", "Model", "Render the launch trailer", "CREDIT",
];

/** Every visible or announced text on the page, and every labelling attribute, that still holds plain letters once data is taken out. */
async function untranslated(page: Page, data: string[]): Promise<string[]> {
  return page.evaluate((known) => {
    const dates = new Intl.DateTimeFormat("en", { month: "long" });
    const words = [...known];
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2026, m, 15));
      words.push(dates.format(d), new Intl.DateTimeFormat("en", { month: "short" }).format(d));
    }
    for (let w = 0; w < 7; w++) words.push(new Intl.DateTimeFormat("en", { weekday: "short" }).format(new Date(Date.UTC(2026, 0, 4 + w))));
    words.push("AM", "PM", "UTC");
    // Currency names come from Intl, like month names: locale data, not catalogue text.
    const currencies = new Intl.DisplayNames(["en"], { type: "currency" });
    for (const code of ["USD", "EUR", "GBP"]) words.push(currencies.of(code) ?? code);
    words.sort((a, b) => b.length - a.length);
    const strip = (text: string) => words.reduce((t, w) => t.replaceAll(w, ""), text);
    const found: string[] = [];
    const check = (text: string | null, where: string) => {
      if (text && /[A-Za-z]/.test(strip(text))) found.push(`${where}: ${text.trim()}`);
    };
    // Language names in the switcher are written in each language itself; country names come from Intl.
    // The platform's initial stands in for its logo.
    const skip = (el: Element | null) =>
      !!el?.closest("script, style, noscript, [data-testid=language-switcher] option, select[name=country] option, [lang]:not(html), [data-platform-initial]");
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!skip(node.parentElement)) check(node.textContent, node.parentElement?.tagName ?? "");
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (skip(el)) continue;
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) check(el.getAttribute(attr), `${el.tagName}[${attr}]`);
    }
    check(document.title, "title");
    return found;
  }, data);
}

async function visit(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  await page.locator("main h1").first().waitFor();
  await ready(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
  // Open what opens: usage details and the spending tables hold text too.
  const closed = page.locator("main button[aria-expanded=false]");
  for (let n = await closed.count(); n > 0; n--) await closed.first().click();
  const summaries = page.locator("main details:not([open]) > summary");
  for (let n = await summaries.count(); n > 0; n--) await summaries.first().click();
  return (await untranslated(page, DATA)).map((problem) => `${path} ${problem}`);
}

test("[PSEUDO] every portal page takes all its words from the catalogues", async ({ page, api }) => {
  test.setTimeout(300_000);
  await api.put("/platform/branding", { name: "Glitch AI", support_url: "https://glitch.example.com/support", terms_url: "https://glitch.example.com/terms", privacy_url: "https://glitch.example.com/privacy" });
  // A visible lane, so the spending and usage breakdowns render; its label is the platform's own words.
  await api.put("/platform/settings", { spend_lanes: [{ dimension: "model", label: "Model" }] });
  const { customerId } = await seedUsageCustomer(api);
  const expiresAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
  await api.post(`/customers/${customerId}/wallet/adjustments`, { transaction_id: `promo-${customerId}`, asset: "CREDIT", amount: 120, reason: "gift", expires_at: expiresAt }, 201);
  await api.post(`/customers/${customerId}/wallet/holds`, { asset: "USD", amount: 2.5, subject: "Render the launch trailer", expires_at: expiresAt }, 201);
  await signIn(page, api, customerId);
  await page.goto("/?locale=en-XA");
  const problems: string[] = [];
  for (const path of PAGES) problems.push(...(await visit(page, path)));
  // The walk read the sign-in-by-email form too: the signed-out page offers it for the platform this browser uses.
  await page.goto("/signed-out");
  await expect(page.getByTestId("email-sign-in")).toBeVisible();
  const locale = (await page.context().cookies()).filter((c) => c.name === "billfold_locale");
  await page.context().clearCookies();
  await page.context().addCookies(locale);
  for (const path of PUBLIC_PAGES) problems.push(...(await visit(page, path)));
  expect(problems).toEqual([]);
});
