import { SignJWT } from "jose";
import { E2E_BASE_URL, E2E_SECRET } from "../env";
import { expect, FAILURE_URL, mintLink, test } from "../fixtures";

/** The link with the last three characters of its signature changed. */
function tamperSignature(link: string): string {
  return link.slice(0, -3) + (link.endsWith("A") ? "BBB" : "AAA");
}

test.describe("[SIGN-IN] portal links", () => {
  test("a fresh link signs in and shows exact balances; the same link again lands on failure_url", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Ada Lovelace", external_id: `ada-${Date.now()}` });
    await api.post("/assets", { code: "CREDIT", name: "Credits", precision: 0, symbol: "⭐", label: "CR", rates: [{ source: "USD", rate: 0.05 }] });
    const adjust = (body: object) => api.post(`/customers/${customer.id}/wallet/adjustments`, body);
    await adjust({ transaction_id: `t1-${customer.id}`, asset: "USD", amount: 25.1, reason: "external_topup" });
    await adjust({ transaction_id: `t2-${customer.id}`, asset: "USD", amount: -0.37, reason: "adjustment" });
    await adjust({ transaction_id: `t3-${customer.id}`, asset: "CREDIT", amount: 1250, reason: "gift" });

    const link = await mintLink(api, customer.id);
    await page.goto(link);
    await expect(page).toHaveURL(`${E2E_BASE_URL}/`);
    await expect(page.getByTestId("balance-USD").getByTestId("available")).toHaveText("$24.73");
    await expect(page.getByTestId("balance-CREDIT").getByTestId("available")).toHaveText("1,250 CR");
    await expect(page.getByRole("link", { name: /Back to/ })).toBeVisible();

    const second = await page.context().newPage();
    await second.context().clearCookies();
    await second.goto(link);
    await expect(second).toHaveURL(FAILURE_URL);
  });

  test("an expired authentic link lands on failure_url", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Late Larry" });
    const past = Math.floor(Date.now() / 1000) - 60;
    const token = await new SignJWT({
      purpose: "portal-session-redirect",
      issued: new Date((past - 600) * 1000).toISOString(),
      platform_id: api.platformId,
      customer_id: customer.id,
      live_mode: "false",
      return_url: `${E2E_BASE_URL}/signed-out?from=return`,
      failure_url: FAILURE_URL,
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer("Billfold.Api")
      .setAudience("CustomerPortal")
      .setExpirationTime(past)
      .setJti(`expired-${Date.now()}-abcdefgh`)
      .sign(new TextEncoder().encode(E2E_SECRET));
    await page.goto(`/api/sign-in?token=${token}`);
    await expect(page).toHaveURL(FAILURE_URL);
  });

  test("the error page names a platform only when sign-in vouched for it", async ({ page, api }) => {
    const { name } = (await api.get("/platform/branding")) as { name: string };
    await page.goto(`/link-error?reason=invalid&platform=${api.platformId}`);
    await expect(page.getByText("Go back to the app you came from")).toBeVisible();
    await expect(page.getByText(name)).toHaveCount(0);
    const token = await new SignJWT({
      purpose: "portal-session-redirect",
      issued: new Date().toISOString(),
      platform_id: api.platformId,
      customer_id: "cust_00000000000000000000000000",
      live_mode: "false",
      return_url: `${E2E_BASE_URL}/signed-out?from=return`,
      failure_url: FAILURE_URL,
    })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer("Billfold.Api")
      .setAudience("CustomerPortal")
      .setExpirationTime("10m")
      .setJti(`unknown-customer-${Date.now()}`)
      .sign(new TextEncoder().encode(E2E_SECRET));
    await page.goto(`/api/sign-in?token=${token}`);
    await expect(page.getByText(`Go back to ${name}`)).toBeVisible();
  });

  test("a tampered link shows the error page and sets no cookie", async ({ page, api }) => {
    const customer = await api.post("/customers", { name: "Mallory" });
    const link = await mintLink(api, customer.id);
    const tampered = tamperSignature(link);
    const response = await page.request.get(tampered, { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(response.headers()["set-cookie"]).toBeUndefined();
    await page.goto(tampered);
    await expect(page.getByRole("heading", { name: "This billing link isn’t valid" })).toBeVisible();
    expect(await page.context().cookies()).toEqual([]);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signed-out$/);
  });
});
