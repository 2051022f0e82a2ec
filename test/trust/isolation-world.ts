import { randomBytes } from "node:crypto";
import { usagePrice } from "@/lib/domain/catalog/usage-price";
import type { Database } from "@/lib/kernel/db";
import { now } from "@/lib/kernel/clock";
import { callApi, type ApiResponse, type CallOptions } from "@/test/support/api-client";
import { createTestPlatform, type TestPlatform } from "@/test/support/fixtures";
import { portalSession } from "@/test/support/payments-fixtures";

/** Everything one customer (and its platform) owns that a route can be asked about by id. */
export interface Ids {
  platformId: string;
  customerId: string;
  customerName: string;
  email: string;
  externalId: string;
  /** A wallet account only this customer has (its own account name). */
  accountId: string;
  assetCode: string;
  assetName: string;
  productId: string;
  productCode: string;
  productName: string;
  eventId: string;
  topUpId: string;
  vendorId: string;
  vendorName: string;
  vendorExternalId: string;
  webhookId: string;
  webhookUrl: string;
  paymentMethodId: string;
  subscriptionId: string;
  couponId: string;
  couponCode: string;
  /** `{customer_id}:{subject}` of the customer's one task. */
  taskId: string;
  /** The invoice of the customer's one paid top-up (the API's top-up stays pending). */
  invoiceId: string;
  /** A connected account of the platform (for a connected account: its own id, which only its parent may read). */
  connectedAccountId: string;
  /** An active hold on the customer's USD wallet. */
  holdId: string;
}

export type Portal = (method: string, path: string, options?: CallOptions) => Promise<ApiResponse>;

export interface Tenant {
  key: string;
  /** X-CREDYT-ACCOUNT for a tenant that is a connected account; empty for a platform. */
  headers: Record<string, string>;
  platformId: string;
  customers: [Ids, Ids];
  portals: [Portal, Portal];
}

function ok(res: ApiResponse, what: string): ApiResponse {
  if (res.status >= 300) throw new Error(`seeding ${what}: ${res.status} ${res.text}`);
  return res;
}

/** Saves a 4242 card through the portal and the built-in test provider's Checkout, as a customer would. */
export async function saveCard(portal: Portal): Promise<string> {
  const setup = ok(await portal("POST", "/api/portal/payment-methods"), "card setup");
  const session = String(setup.json.redirect_url).split("/").pop();
  // Expiring years after the (test) clock: the ledger model moves it a day per run, 20,000 runs nightly.
  const year = String((now().getUTCFullYear() + 5) % 100).padStart(2, "0");
  const body = { card_number: "4242424242424242", expiry: `12 / ${year}`, cvc: "123" };
  ok(await callApi("POST", `/api/test-checkout/${session}`, { body, headers: { origin: "http://portal.test" } }), "card checkout");
  const cards = ok(await portal("GET", "/api/portal/payment-methods"), "cards");
  return cards.json.cards[0].id as string;
}

type PlatformIds = Pick<
  Ids,
  | "platformId" | "assetCode" | "assetName" | "productId" | "productCode" | "productName" | "vendorId" | "vendorName" | "vendorExternalId" | "webhookId" | "webhookUrl"
  | "couponId" | "couponCode" | "connectedAccountId"
>;

/** How a tenant's requests authenticate: the platform's key, plus X-CREDYT-ACCOUNT for a connected account. */
interface Acting {
  key: string;
  headers: Record<string, string>;
}

async function seedPlatformObjects(acting: Acting, platformId: string, tag: string): Promise<PlatformIds> {
  const callApi = (method: string, path: string, options: CallOptions) => callApiAs(acting, method, path, options);
  const key = acting.key;
  const assetCode = `T${tag.toUpperCase()}`;
  const assetName = `Tokens ${tag}`;
  ok(await callApi("POST", "/api/v1/assets", { key, body: { code: assetCode, name: assetName, precision: 0, rates: [{ source: "USD", rate: 0.05 }] } }), "asset");
  const productCode = `prod_${tag}`;
  const productName = `Product ${tag}`;
  const price = usagePrice(`Calls ${tag}`, "api_call", { usage_type: "unit" }, [{ asset: "USD", values: [{ unit_price: 0.5 }] }]);
  const product = ok(await callApi("POST", "/api/v1/products", { key, body: { name: productName, code: productCode, prices: [price], publish: true } }), "product");
  const vendorName = `Vendor ${tag}`;
  const vendorExternalId = `vendor-${tag}`;
  const vendor = ok(await callApi("POST", "/api/v1/vendors", { key, body: { name: vendorName, external_id: vendorExternalId } }), "vendor");
  const webhookUrl = `https://hooks-${tag}.example.com/in`;
  const webhook = ok(await callApi("POST", "/api/v1/webhooks", { key, body: { url: webhookUrl, description: `Hook ${tag}` } }), "webhook");
  const couponCode = `GIFT-${tag}`;
  const coupon = ok(await callApi("POST", "/api/v1/coupons", { key, body: { code: couponCode, kind: "credit_grant", credit_grant: { asset: assetCode, amount: 5 } } }), "coupon");
  const connectedAccountId = acting.headers["x-credyt-account"]
    ?? ok(await callApi("POST", "/api/v1/accounts", { key, body: { name: `Account ${tag}`, external_id: `acct-${tag}` } }), "connected account").json.id;
  return {
    connectedAccountId, platformId, assetCode, assetName, productId: product.json.id, productCode, productName,
    vendorId: vendor.json.id, vendorName, vendorExternalId, webhookId: webhook.json.id, webhookUrl,
    couponId: coupon.json.id, couponCode,
  };
}

async function seedCustomer(database: Database, platform: TestPlatform, acting: Acting, shared: PlatformIds, tag: string): Promise<{ ids: Ids; portal: Portal }> {
  const callApi = (method: string, path: string, options: CallOptions) => callApiAs(acting, method, path, options);
  const key = acting.key;
  const customerName = `Customer ${tag}`;
  const email = `${tag}@example.com`;
  const externalId = `ext-${tag}`;
  const body = { name: customerName, email, external_id: externalId, subscriptions: [{ products: [{ code: shared.productCode }] }] };
  const created = ok(await callApi("POST", "/api/v1/customers", { key, body }), "customer").json;
  const customerId = created.id as string;
  const adjust = (id: string, extra: Record<string, unknown>) =>
    callApi("POST", `/api/v1/customers/${customerId}/wallet/adjustments`, { key, body: { transaction_id: id, amount: 100, reason: "gift", ...extra } });
  ok(await adjust(`gift-usd-${tag}`, { asset: "USD" }), "usd gift");
  ok(await adjust(`gift-tok-${tag}`, { asset: shared.assetCode }), "token gift");
  const accountName = `acct_${tag}`;
  ok(await adjust(`gift-own-${tag}`, { asset: "USD", account_name: accountName }), "own account");
  const eventId = `evt-${tag}`;
  const subject = `task-${tag}`;
  ok(await callApi("POST", "/api/v1/events", { key, body: { customer_id: customerId, events: [{ id: eventId, event_type: "api_call", subject }] } }), "event");
  const topUp = ok(await callApi("POST", "/api/v1/top-ups", { key, body: { customer_id: customerId, amount: 20, currency: "USD" } }), "top-up");
  const scope = { platformId: shared.platformId, liveMode: false };
  const portal = await portalSession(database, { platform: { ...platform, scope }, key, customerId, scope: { ...scope, customerId } });
  const paymentMethodId = await saveCard(portal);
  const invoiceId = await paidTopUpInvoice(portal, callApi, key, customerId);
  const holdBody = { asset: "USD", amount: 1, subject: `hold-${tag}`, expires_at: new Date(now().getTime() + 86_400_000).toISOString() };
  const holdId = ok(await callApi("POST", `/api/v1/customers/${customerId}/wallet/holds`, { key, body: holdBody }), "hold").json.id as string;
  const ids: Ids = { holdId, ...shared, customerId, customerName, email, externalId, accountId: `${accountName}:USD`, eventId, topUpId: topUp.json.id, paymentMethodId, subscriptionId: created.subscriptions[0].id, taskId: `${customerId}:${subject}`, invoiceId };
  return { ids, portal };
}

type Caller = (method: string, path: string, options: CallOptions) => Promise<ApiResponse>;

/** A top-up paid through the portal and the test provider's Checkout, so that an invoice is issued. */
async function paidTopUpInvoice(portal: Portal, call: Caller, key: string, customerId: string): Promise<string> {
  const topUp = ok(await portal("POST", "/api/portal/top-ups", { body: { account_id: "default:USD", amount: 10 } }), "paid top-up");
  const session = String(topUp.json.redirect_url).split("/").pop();
  const year = String((now().getUTCFullYear() + 5) % 100).padStart(2, "0");
  const body = { card_number: "4242424242424242", expiry: `12 / ${year}`, cvc: "123" };
  ok(await callApi("POST", `/api/test-checkout/${session}`, { body, headers: { origin: "http://portal.test" } }), "top-up checkout");
  const invoices = ok(await call("GET", `/api/v1/customers/${customerId}/invoices`, { key }), "invoices");
  return invoices.json.items[0].id as string;
}

/** Calls the API as the tenant: the platform's key alone, or with X-CREDYT-ACCOUNT for a connected account. */
function callApiAs(acting: Acting, method: string, path: string, options: CallOptions): Promise<ApiResponse> {
  return callApi(method, path, { ...options, key: acting.key, headers: { ...acting.headers, ...options.headers } });
}

/**
 * A tenant with identical shape to every other: an asset, a product, a vendor, a webhook, a coupon, a connected
 * account and two full customers. With `parent`, the tenant is a new connected account of that platform, acted in
 * with the parent's key and X-CREDYT-ACCOUNT.
 */
export async function seedTenant(database: Database, parent?: TestPlatform): Promise<Tenant & { platform: TestPlatform }> {
  const platform = parent ?? (await createTestPlatform(database.db));
  const tag = randomBytes(4).toString("hex");
  let acting: Acting = { key: platform.testKey, headers: {} };
  let platformId = platform.id;
  if (parent) {
    platformId = ok(await callApi("POST", "/api/v1/accounts", { key: parent.testKey, body: { name: `Connected ${tag}` } }), "account").json.id as string;
    acting = { key: parent.testKey, headers: { "x-credyt-account": platformId } };
  }
  const shared = await seedPlatformObjects(acting, platformId, tag);
  const first = await seedCustomer(database, platform, acting, shared, `${tag}a`);
  const second = await seedCustomer(database, platform, acting, shared, `${tag}b`);
  return { platform, key: acting.key, headers: acting.headers, platformId, customers: [first.ids, second.ids], portals: [first.portal, second.portal] };
}

/** What of `foreign` must never show up in a response: every id and name it has that `own` does not share. */
export function secretsOf(foreign: Ids, own: Ids, request: string): string[] {
  const values = Object.entries(foreign).flatMap(([k, v]) => (own[k as keyof Ids] === v ? [] : [v]));
  // A 404 may name the id it was asked about; that id is the caller's input, not a leak.
  return values.filter((v) => !request.includes(v));
}
