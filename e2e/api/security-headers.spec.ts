import { expect, mintLink, test } from "../fixtures";

test.describe("[HARDENING] response headers", () => {
  test("portal pages send a nonce CSP without unsafe-eval, no framing by default, and nosniff", async ({ request, api, page }) => {
    const customer = await api.post("/customers", { name: "Headers" });
    await page.goto(await mintLink(api, customer.id));
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    const response = await page.goto("/transactions");
    const headers = response!.headers();
    const csp = headers["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const scriptNonces = await page.locator("script").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(scriptNonces.every((n) => n === nonce)).toBe(true);
    await expect(page.getByRole("heading", { name: "Transactions" })).toBeVisible();
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);

    const api404 = await request.get("/api/v1/nothing-here", { headers: { authorization: `Bearer ${api.key}` } });
    expect(api404.status()).toBe(404);
    expect(api404.headers()["content-type"]).toContain("application/problem+json");
    expect(api404.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("a platform's embed origins become frame-ancestors for its sessions", async ({ api, page }) => {
    await api.put("/platform/branding", { embed_origins: ["https://app.example.com"] });
    const customer = await api.post("/customers", { name: "Embedded" });
    await page.goto(await mintLink(api, customer.id));
    const response = await page.goto("/");
    expect(response!.headers()["content-security-policy"]).toContain("frame-ancestors https://app.example.com");
    expect(response!.headers()["x-frame-options"]).toBeUndefined();
  });
});
