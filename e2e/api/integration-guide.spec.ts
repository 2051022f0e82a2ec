import { expect, test, type APIRequestContext } from "@playwright/test";
import { checkGuide, type Transport } from "../../scripts/guide/run-guide";
import { GUIDE_STEPS } from "../../scripts/guide/steps";
import { E2E_ADMIN_TOKEN } from "../env";

/** The guide check's requests through Playwright's HTTP client, redirects not followed. */
function transportOf(request: APIRequestContext): Transport {
  return async ({ method, path, headers, body }) => {
    const res = await request.fetch(path, { method, headers, data: body, maxRedirects: 0 });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status(), location: res.headers()["location"] ?? null, text, json };
  };
}

test.describe("Credyt's integration guide against the production server", () => {
  test("every API call of the guide, in order, on a fresh platform, answers as the guide documents", async ({ request }) => {
    const created = await request.post("/api/admin/platforms", { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` }, data: { name: `Guide ${Date.now()}` } });
    expect(created.status(), await created.text()).toBe(201);
    const { test_key: key } = (await created.json()) as { test_key: string };
    const result = await checkGuide(transportOf(request), key, { around: (title, run) => test.step(title, run) });
    expect(result.steps).toBe(GUIDE_STEPS.length);
  });

  test("an unsupported method is a problem+json 405 with Allow, through Next.js itself", async ({ request }) => {
    const deleted = await request.delete("/api/v1/customers");
    expect(deleted.status()).toBe(405);
    expect(deleted.headers()["allow"]).toBe("GET, HEAD, OPTIONS, POST");
    expect(deleted.headers()["content-type"]).toContain("application/problem+json");
    expect(await deleted.json()).toMatchObject({ status: 405, title: "Method Not Allowed", instance: "/api/v1/customers" });
    const head = await request.head("/api/v1/billing-portal/sessions");
    expect(head.status()).toBe(405);
    expect(head.headers()["allow"]).toBe("OPTIONS, POST");
    const options = await request.fetch("/api/v1/products/prp_x/simulate", { method: "OPTIONS" });
    expect(options.status()).toBe(204);
    expect(options.headers()["allow"]).toBe("OPTIONS, POST");
  });

  test("every page has a favicon", async ({ request }) => {
    const icon = await request.get("/favicon.ico");
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/");
  });
});
