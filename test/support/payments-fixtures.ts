import type { Database } from "@/lib/kernel/db";
import { drainAutoTopUps } from "@/lib/domain/payments/auto-top-up/background";
import { exchangeToken } from "@/lib/domain/portal-sessions/exchange-token";
import { mintPortalLink } from "@/lib/domain/portal-sessions/create-session-link";
import type { CustomerScope } from "@/lib/kernel/scope";
import { callApi, type ApiResponse, type CallOptions } from "./api-client";
import { createTestPlatform, type TestPlatform } from "./fixtures";

export interface PaymentsWorld {
  platform: TestPlatform;
  key: string;
  customerId: string;
  scope: CustomerScope;
}

/** A fresh platform with one customer, made through the API. */
export async function paymentsWorld(database: Database, name = "Ada"): Promise<PaymentsWorld> {
  const platform = await createTestPlatform(database.db);
  const created = await callApi("POST", "/api/v1/customers", { key: platform.testKey, body: { name, email: "ada@example.com" } });
  if (created.status !== 201) throw new Error(`customer: ${created.text}`);
  const customerId = created.json.id as string;
  return { platform, key: platform.testKey, customerId, scope: { ...platform.scope, customerId } };
}

/** Moves a wallet by `amount` (negative = a debit, which runs the after-debit hook), then lets auto top-up finish. */
export async function adjust(w: PaymentsWorld, asset: string, amount: string, id = `t-${Math.random()}`): Promise<ApiResponse> {
  const raw = `{"transaction_id":"${id}","asset":"${asset}","amount":${amount},"reason":"${amount.startsWith("-") ? "adjustment" : "gift"}"}`;
  const res = await callApi("POST", `/api/v1/customers/${w.customerId}/wallet/adjustments`, { key: w.key, raw });
  await drainAutoTopUps();
  return res;
}

export async function balanceOf(w: PaymentsWorld, accountId: string): Promise<ApiResponse> {
  return callApi("GET", `/api/v1/customers/${w.customerId}/wallet/${accountId}`, { key: w.key });
}

/** A signed-in portal session for the world's customer, as the browser would hold it. */
export async function portalSession(database: Database, w: PaymentsWorld) {
  const link = await mintPortalLink(database.db, w.platform.scope, { customerId: w.customerId, returnUrl: "https://app.example.com/r", failureUrl: "https://app.example.com/f" });
  const result = await exchangeToken(database.db, new URL(link.redirectUrl).searchParams.get("token")!);
  if (result.kind !== "session") throw new Error(`sign-in failed: ${result.kind}`);
  const headers = { cookie: `billfold_session=${result.sessionId}`, origin: "http://portal.test", "sec-fetch-site": "same-origin" };
  return (method: string, path: string, options: CallOptions = {}) =>
    callApi(method, path, { ...options, headers: { ...headers, ...options.headers }, ...(options.body === undefined && !options.raw && method !== "GET" ? { raw: "{}" } : {}) });
}
