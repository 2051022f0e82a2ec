import type { Database } from "@/lib/kernel/db";
import { exchangeToken } from "@/lib/domain/portal-sessions/exchange-token";
import { mintPortalLink } from "@/lib/domain/portal-sessions/create-session-link";
import { callApi, type ApiResponse } from "@/test/support/api-client";
import type { Hints } from "./json-schema-arb";
import { seedTenant, type Ids } from "./isolation-world";

export interface FuzzWorld {
  key: string;
  platformId: string;
  own: Ids;
  /** A real value for every path parameter of every route, so probes reach past the id lookups. */
  params: Record<string, string>;
  hints: Hints;
}

const cursor = (text: string) => Buffer.from(text).toString("base64url");

/** A platform with one of everything (test/trust/isolation-world.ts): asset, product, vendor, webhook, coupon, customers with a card, a top-up, a plan. */
export async function seedFuzzWorld(database: Database): Promise<FuzzWorld> {
  const tenant = await seedTenant(database);
  const own = tenant.customers[0];
  const params = {
    customerId: own.customerId, accountId: "default:USD", code: own.assetCode, productId: own.productId, version: "1", webhookId: own.webhookId,
    eventId: own.eventId, couponId: own.couponId, topUpId: own.topUpId, vendorId: own.vendorId, paymentMethodId: own.paymentMethodId,
    subscriptionId: own.subscriptionId, taskId: own.taskId, invoiceId: own.invoiceId, holdId: own.holdId, path: "nothing/here",
  };
  const hints: Hints = {
    customer_id: [own.customerId], asset: ["USD", own.assetCode], currency: ["USD"], source: ["USD"], code: [own.productCode, own.assetCode, own.couponCode],
    event_type: ["api_call"], url: ["https://hooks.example.com/in"], return_url: ["https://app.example.com/r"], failure_url: ["https://app.example.com/f"],
    account_id: ["default:USD", own.accountId], payment_method_id: [own.paymentMethodId], vendor_id: [own.vendorId], external_id: [own.externalId],
    customer_external_id: [own.externalId], vendor_external_id: [own.vendorExternalId], reason: ["gift", "adjustment", "external_topup"], kind: ["credit_grant"],
    // Portal filters at the calendar's edges, and cursors the portal never made.
    month: ["2026-11", "0000-01", "9999-12", "2026-13", "1969-12"],
    from: ["2026-11-01", "0000-01-01", "2026-02-30", "9999-12-31"],
    to: ["2026-11-30", "0000-01-01", "2026-02-29", "10000-01-01"],
    cursor: ["0000-01-01T00:00:00.000Z|1", "+275760-09-13T00:00:00.000Z|1", "2026-01-01T00:00:00.000Z|1e400", "2026-01-01T00:00:00.000Z|99999999999999999999", "x"].map(cursor),
  };
  return { key: tenant.key, platformId: tenant.platformId, own, params, hints };
}

export type Caller = (method: string, path: string, raw?: string) => Promise<ApiResponse>;

/** How a probe is sent: with the API key, or with a fresh portal session of the world's customer (a probe may sign it out). */
export async function callerFor(database: Database, world: FuzzWorld, via: "api" | "portal"): Promise<Caller> {
  if (via === "api") return (method, path, raw) => callApi(method, path, { key: world.key, ...(raw === undefined ? {} : { raw }) });
  const scope = { platformId: world.platformId, liveMode: false };
  const link = await mintPortalLink(database.db, scope, { customerId: world.own.customerId, returnUrl: "https://app.example.com/r", failureUrl: "https://app.example.com/f" });
  const result = await exchangeToken(database.db, new URL(link.redirectUrl).searchParams.get("token")!);
  if (result.kind !== "session") throw new Error(`sign-in failed: ${result.kind}`);
  const headers = { cookie: `billfold_session=${result.sessionId}`, origin: "http://portal.test", "sec-fetch-site": "same-origin" };
  return (method, path, raw) => callApi(method, path, { headers, ...(raw === undefined ? {} : { raw }) });
}
