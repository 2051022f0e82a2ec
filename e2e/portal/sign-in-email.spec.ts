import type { APIRequestContext, Page } from "@playwright/test";
import { E2E_ADMIN_TOKEN, E2E_BASE_URL } from "../env";
import { expect, FAILURE_URL, mintLink, test, type ApiClient } from "../fixtures";

interface OutboxMessage {
  to: string;
  kind: string;
  status: string;
  text: string | null;
}

/** The operator's view of the outbox: without SMTP the server keeps each message, sign-in link included. */
async function outbox(request: APIRequestContext, to: string): Promise<OutboxMessage[]> {
  const res = await request.get(`/api/admin/emails?to=${encodeURIComponent(to)}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: OutboxMessage[] }).items;
}

/** A customer whose link was already used, opened again: billing's failure page, which now knows the platform. */
async function onUsedLink(page: Page, request: APIRequestContext, api: ApiClient, email: string) {
  const customer = await api.post("/customers", { name: "Mia Mail", email });
  await api.post(`/customers/${customer.id}/wallet/adjustments`, { transaction_id: `t-${customer.id}`, asset: "USD", amount: 12.5, reason: "gift" });
  const link = await mintLink(api, customer.id);
  expect((await request.get(link, { maxRedirects: 0 })).status()).toBe(303);
  await page.goto(link);
  await expect(page).toHaveURL(FAILURE_URL);
  return customer;
}

async function askForLink(page: Page, email: string) {
  await page.getByLabel("Or get a sign-in link by email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
}

for (const [label, width, height] of [["phone", 390, 844], ["desktop", 1440, 900]] as const) {
  test.describe(`[SIGN-IN-EMAIL] ${label}`, () => {
    test.use({ viewport: { width, height }, isMobile: label === "phone", hasTouch: label === "phone" });

    test("a customer on a used link asks for a sign-in email, opens its link and lands in their portal", async ({ page, request, api }) => {
      const email = `mia-${label}-${Date.now()}@example.com`;
      await onUsedLink(page, request, api, email);
      await expect(page.getByTestId("email-sign-in")).toBeVisible();
      await page.screenshot({ path: `test-results/sign-in-email-form-${width}.png`, fullPage: true });
      await askForLink(page, email);
      await page.screenshot({ path: `test-results/sign-in-email-sent-${width}.png`, fullPage: true });

      await expect.poll(async () => (await outbox(request, email)).map((m) => `${m.kind}:${m.status}`), { timeout: 20_000 }).toEqual(["sign_in:held"]);
      const [message] = await outbox(request, email);
      const link = /https?:\/\/\S+\/api\/sign-in\?token=[\w.-]+/.exec(message!.text!)![0];
      expect(link.startsWith(E2E_BASE_URL)).toBe(true);
      await page.goto(link);
      await expect(page).toHaveURL(`${E2E_BASE_URL}/`);
      await expect(page.getByTestId("balance-USD").getByTestId("available")).toHaveText("$12.50");

      // Optional emails are the customer's to turn off.
      await page.goto("/notifications");
      await page.getByRole("checkbox", { name: /Low balance/ }).uncheck();
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByRole("status")).toHaveText("Saved.");
      await page.screenshot({ path: `test-results/notifications-${width}.png`, fullPage: true });
      await page.reload();
      await expect(page.getByRole("checkbox", { name: /Low balance/ })).not.toBeChecked();
      await expect(page.getByRole("checkbox", { name: /Credits expiring/ })).toBeChecked();

      // Single use: the same link again signs nobody in; it lands on the platform's signed-out page with the form.
      const again = await page.context().browser()!.newContext();
      const second = await again.newPage();
      await second.goto(link);
      await expect(second).toHaveURL(`${E2E_BASE_URL}/signed-out`);
      await expect(second.getByTestId("email-sign-in")).toBeVisible();
      await again.close();
    });

    test("an unknown address gets the same page, and no message is written", async ({ page, request, api }) => {
      const known = `kim-${label}-${Date.now()}@example.com`;
      const unknown = `nobody-${label}-${Date.now()}@example.com`;
      await onUsedLink(page, request, api, known);
      await askForLink(page, unknown);
      const unknownPage = (await page.locator("main").textContent())!;
      await page.goBack();
      await askForLink(page, known);
      await expect(page.locator("main")).toHaveText(unknownPage);
      // The known address's message is written after the unknown one's look-up ran: by then nothing exists for the unknown.
      await expect.poll(async () => (await outbox(request, known)).length, { timeout: 20_000 }).toBe(1);
      expect(await outbox(request, unknown)).toEqual([]);
    });
  });
}
