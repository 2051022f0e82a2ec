import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN_TOKEN, E2E_BASE_URL } from "./env";

export interface ApiClient {
  key: string;
  platformId: string;
  get(path: string): Promise<any>;
  post(path: string, body: unknown, expectedStatus?: number): Promise<any>;
  put(path: string, body: unknown): Promise<any>;
  patch(path: string, body: unknown): Promise<any>;
}

let platformCount = 0;

/** Creates a platform through the operator API and returns a client holding its test key. */
export async function createPlatformClient(request: APIRequestContext, name?: string): Promise<ApiClient> {
  const res = await request.post("/api/admin/platforms", {
    headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    data: { name: name ?? `E2E Platform ${++platformCount} ${Date.now()}` },
  });
  expect(res.status(), await res.text()).toBe(201);
  const platform = (await res.json()) as { id: string; test_key: string };
  const headers = { authorization: `Bearer ${platform.test_key}` };
  const call = async (method: "get" | "post" | "put" | "patch", path: string, body?: unknown, expected?: number) => {
    const r = await request[method](`/api/v1${path}`, { headers, data: body });
    const text = await r.text();
    if (expected !== undefined) expect(r.status(), text).toBe(expected);
    else expect(r.ok(), `${method.toUpperCase()} ${path} → ${r.status()} ${text}`).toBeTruthy();
    return text ? JSON.parse(text) : null;
  };
  return {
    key: platform.test_key,
    platformId: platform.id,
    get: (path) => call("get", path),
    post: (path, body, expected) => call("post", path, body, expected),
    put: (path, body) => call("put", path, body),
    patch: (path, body) => call("patch", path, body),
  };
}

export const RETURN_URL = `${E2E_BASE_URL}/signed-out?from=return`;
export const FAILURE_URL = `${E2E_BASE_URL}/signed-out?from=failure`;

/** Mints a portal link for the customer through the platform API. */
export async function mintLink(api: ApiClient, customerId: string): Promise<string> {
  const session = await api.post("/billing-portal/sessions", { customer_id: customerId, return_url: RETURN_URL, failure_url: FAILURE_URL }, 201);
  return session.redirect_url as string;
}

/** Signs the browser in as the customer through a real portal link, landing on the overview. */
export async function signIn(page: Page, api: ApiClient, customerId: string, path = "/"): Promise<void> {
  await page.goto(await mintLink(api, customerId));
  await expect(page).toHaveURL(`${E2E_BASE_URL}/`);
  if (path !== "/") await page.goto(path);
}

export const test = base.extend<{ api: ApiClient }>({
  api: async ({ request }, provide) => {
    await provide(await createPlatformClient(request));
  },
});

export { expect };
