import { E2E_BASE_URL } from "../env";
import { expect, FAILURE_URL, RETURN_URL, test } from "../fixtures";

test.describe("[CONNECTED] portal sessions of a connected account", () => {
  test("a link minted under X-CREDYT-ACCOUNT shows the account's customer, branded as the account with the parent's branding as defaults", async ({ page, api, request }) => {
    await api.put("/platform/branding", { name: "Builder Platform", primary_color: "#1d4ed8", support_url: "https://builder.example.com/support" });
    const account = await api.post("/accounts", { name: "Lingo Studio", external_id: `lingo-${Date.now()}` });
    const headers = { authorization: `Bearer ${api.key}`, "x-credyt-account": account.id };
    const inAccount = async (method: "post" | "put", path: string, body: unknown) => {
      const res = await request[method](`/api/v1${path}`, { headers, data: body });
      expect(res.ok(), `${method} ${path} → ${res.status()} ${await res.text()}`).toBeTruthy();
      return res.json();
    };
    await inAccount("put", "/platform/branding", { primary_color: "#0f766e" });
    const customer = await inAccount("post", "/customers", { name: "Studio Sam" });
    await inAccount("post", `/customers/${customer.id}/wallet/adjustments`, { transaction_id: `gift-${customer.id}`, asset: "USD", amount: 12.5, reason: "gift" });
    const urls = { customer_id: customer.id, return_url: RETURN_URL, failure_url: FAILURE_URL };
    // The parent's key without the header does not reach the account's customer.
    await api.post("/billing-portal/sessions", urls, 404);
    const session = await inAccount("post", "/billing-portal/sessions", urls);

    await page.goto(session.redirect_url);
    await expect(page).toHaveURL(`${E2E_BASE_URL}/`);
    await expect(page.getByRole("link", { name: "← Back to Lingo Studio" })).toBeVisible();
    await expect(page.getByText("Builder Platform")).toHaveCount(0);
    await expect(page.getByText("Billing for Studio Sam")).toBeVisible();
    await expect(page.getByTestId("balance-USD").getByTestId("available")).toHaveText("$12.50");
    await expect(page.getByRole("link", { name: "Support" })).toHaveAttribute("href", "https://builder.example.com/support");
    const brand = await page.locator('[style*="--brand"]').first().evaluate((el) => getComputedStyle(el).getPropertyValue("--brand").trim());
    expect(brand).toBe("#0f766e");
  });
});
