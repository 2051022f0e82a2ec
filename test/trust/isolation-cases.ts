import { usagePrice } from "@/lib/domain/catalog/usage-price";
import type { Ids } from "./isolation-world";

interface IsolationRequest {
  path: string;
  body?: unknown;
}

export interface IsolationCase {
  via: "api" | "portal";
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The route file's pattern (as test/support/route-table.ts names it), for the coverage check. */
  route: string;
  label: string;
  /**
   * Whose ids are foreign: "platform" = another platform's (an API key sees its whole platform);
   * "customer" = another customer's too (the same platform's second customer, and other platforms').
   */
  reach: "platform" | "customer";
  /**
   * 404 for an id the request is about (default); 422 for a reference inside a body, which the API
   * validates as a field ("Unknown product 'x'") exactly as for an id that never existed; "filter"
   * for a list filter, which answers 200 with nothing foreign in it.
   */
  expect: 404 | 422 | "filter";
  request: (own: Ids, foreign: Ids) => IsolationRequest;
}

type Request = IsolationCase["request"];
type Options = Partial<Pick<IsolationCase, "reach" | "expect">>;

const api = (method: IsolationCase["method"], route: string, label: string, request: Request, o: Options = {}): IsolationCase => ({
  via: "api", method, route: `/api/v1${route}`, label, request, reach: o.reach ?? "platform", expect: o.expect ?? 404,
});
const portal = (method: IsolationCase["method"], route: string, label: string, request: Request, o: Options = {}): IsolationCase => ({
  via: "portal", method, route: `/api/portal${route}`, label, request, reach: o.reach ?? "customer", expect: o.expect ?? 404,
});

const adjustment = (asset = "USD") => ({ transaction_id: `iso-${Math.random()}`, asset, amount: 1, reason: "gift" });
const events = [{ id: "iso-evt", event_type: "api_call" }];
const version = { name: "v2", prices: [usagePrice("Calls", "api_call", { usage_type: "unit" }, [{ asset: "USD", values: [{ unit_price: 1 }] }])] };
const urls = { return_url: "https://app.example.com/r", failure_url: "https://app.example.com/f" };
const autoTopUp = { enabled: false, threshold: 5, amount: 10 };
const hold = (asset = "USD") => ({ asset, amount: 1, expires_at: new Date(Date.now() + 3_600_000).toISOString() });
const budget = { limit: 50, hard_stop: true };

/**
 * Every way a route can be handed an id: one case per id position. Adding a route means adding a
 * line here (and its objects to isolation-world.ts), or an entry in NO_FOREIGN_ID with the reason.
 */
export const CASES: IsolationCase[] = [
  api("GET", "/customers", "?external_id", (_, f) => ({ path: `/api/v1/customers?external_id=${f.externalId}` })),
  api("POST", "/customers", "subscriptions[].products[].code", (_, f) => ({ path: "/api/v1/customers", body: { name: "x", subscriptions: [{ products: [{ code: f.productCode }] }] } }), { expect: 422 }),
  api("GET", "/customers/[customerId]", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}` })),
  api("PATCH", "/customers/[customerId]", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}`, body: { billing_details: null } })),
  api("GET", "/customers/[customerId]/invoices", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/invoices` })),
  api("GET", "/customers/[customerId]/emails", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/emails` })),
  api("GET", "/invoices/[invoiceId]", "invoiceId", (_, f) => ({ path: `/api/v1/invoices/${f.invoiceId}` })),
  api("GET", "/invoices/[invoiceId]/pdf", "invoiceId", (_, f) => ({ path: `/api/v1/invoices/${f.invoiceId}/pdf` })),
  api("GET", "/customers/[customerId]/stats", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/stats` })),
  api("GET", "/customers/[customerId]/subscriptions", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/subscriptions` })),
  api("POST", "/customers/[customerId]/subscriptions", "customerId", (o, f) => ({ path: `/api/v1/customers/${f.customerId}/subscriptions`, body: { products: [{ code: o.productCode }] } })),
  api("POST", "/customers/[customerId]/subscriptions", "products[].code", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/subscriptions`, body: { products: [{ code: f.productCode }] } }), { expect: 422 }),
  api("GET", "/customers/[customerId]/wallet", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet` })),
  api("GET", "/customers/[customerId]/wallet/[accountId]", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/default:USD` })),
  api("GET", "/customers/[customerId]/wallet/[accountId]", "accountId", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/${f.accountId}` }), { reach: "customer" }),
  api("GET", "/customers/[customerId]/wallet/[accountId]", "both", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/${f.accountId}` })),
  api("GET", "/customers/[customerId]/wallet/[accountId]", "asset of the account", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/default:${f.assetCode}` })),
  api("GET", "/customers/[customerId]/wallet/[accountId]/transactions", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/default:USD/transactions` })),
  api("GET", "/customers/[customerId]/wallet/[accountId]/transactions", "accountId", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/${f.accountId}/transactions` }), { reach: "customer" }),
  api("POST", "/customers/[customerId]/wallet/adjustments", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/adjustments`, body: adjustment() })),
  api("POST", "/customers/[customerId]/wallet/adjustments", "asset", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/adjustments`, body: adjustment(f.assetCode) }), { expect: 422 }),
  api("POST", "/customers/[customerId]/wallet/holds", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/holds`, body: hold() })),
  api("POST", "/customers/[customerId]/wallet/holds", "asset", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/holds`, body: hold(f.assetCode) }), { expect: 422 }),
  api("GET", "/customers/[customerId]/wallet/holds", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/holds` })),
  api("GET", "/customers/[customerId]/wallet/holds/[holdId]", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/holds/${f.holdId}` })),
  api("GET", "/customers/[customerId]/wallet/holds/[holdId]", "holdId", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/holds/${f.holdId}` }), { reach: "customer" }),
  api("DELETE", "/customers/[customerId]/wallet/holds/[holdId]", "holdId", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/holds/${f.holdId}` }), { reach: "customer" }),
  api("DELETE", "/customers/[customerId]/wallet/holds/[holdId]", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/holds/${f.holdId}` })),
  api("GET", "/customers/[customerId]/wallet/[accountId]/budget", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/default:USD/budget` })),
  api("GET", "/customers/[customerId]/wallet/[accountId]/budget", "accountId", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/${f.accountId}/budget` }), { reach: "customer" }),
  api("GET", "/customers/[customerId]/wallet/[accountId]/budget", "asset of the account", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/default:${f.assetCode}/budget` })),
  api("PUT", "/customers/[customerId]/wallet/[accountId]/budget", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/default:USD/budget`, body: budget })),
  api("PUT", "/customers/[customerId]/wallet/[accountId]/budget", "accountId", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/${f.accountId}/budget`, body: budget }), { reach: "customer" }),
  api("POST", "/events", "customer_id", (_, f) => ({ path: "/api/v1/events", body: { customer_id: f.customerId, events } })),
  api("GET", "/events", "?customer_id", (_, f) => ({ path: `/api/v1/events?customer_id=${f.customerId}` })),
  api("GET", "/events/[eventId]", "eventId", (_, f) => ({ path: `/api/v1/events/${f.eventId}` })),
  api("POST", "/top-ups", "customer_id", (_, f) => ({ path: "/api/v1/top-ups", body: { customer_id: f.customerId, amount: 10, currency: "USD" } })),
  api("POST", "/top-ups", "destination.asset", (o, f) => ({ path: "/api/v1/top-ups", body: { customer_id: o.customerId, amount: 10, currency: "USD", destination: { asset: f.assetCode } } }), { expect: 422 }),
  api("GET", "/top-ups", "?customer_id", (_, f) => ({ path: `/api/v1/top-ups?customer_id=${f.customerId}` })),
  api("GET", "/top-ups/[topUpId]", "topUpId", (_, f) => ({ path: `/api/v1/top-ups/${f.topUpId}` })),
  api("POST", "/billing-portal/sessions", "customer_id", (_, f) => ({ path: "/api/v1/billing-portal/sessions", body: { customer_id: f.customerId, ...urls } })),
  api("GET", "/assets/[code]", "code", (_, f) => ({ path: `/api/v1/assets/${f.assetCode}` })),
  api("POST", "/assets/[code]/rates", "code", (_, f) => ({ path: `/api/v1/assets/${f.assetCode}/rates`, body: { source: "USD", rate: 0.2 } })),
  api("POST", "/assets/[code]/quote", "code", (_, f) => ({ path: `/api/v1/assets/${f.assetCode}/quote`, body: { source: "USD", amount: 10 } })),
  api("GET", "/products", "?code", (_, f) => ({ path: `/api/v1/products?code=${f.productCode}` })),
  api("GET", "/products/[productId]", "productId", (_, f) => ({ path: `/api/v1/products/${f.productId}` })),
  api("POST", "/products/[productId]", "productId", (_, f) => ({ path: `/api/v1/products/${f.productId}`, body: version })),
  api("GET", "/products/[productId]/[version]", "productId", (_, f) => ({ path: `/api/v1/products/${f.productId}/1` })),
  api("PATCH", "/products/[productId]/[version]", "productId", (_, f) => ({ path: `/api/v1/products/${f.productId}/1`, body: { make_default: true } })),
  api("POST", "/products/[productId]/[version]/simulate-usage", "productId", (_, f) => ({ path: `/api/v1/products/${f.productId}/1/simulate-usage`, body: { events } })),
  api("POST", "/products/[productId]/simulate", "productId", (_, f) => ({ path: `/api/v1/products/${f.productId}/simulate`, body: { events } })),
  api("GET", "/vendors", "?external_id", (_, f) => ({ path: `/api/v1/vendors?external_id=${f.vendorExternalId}` })),
  api("GET", "/vendors/[vendorId]", "vendorId", (_, f) => ({ path: `/api/v1/vendors/${f.vendorId}` })),
  api("GET", "/webhooks/[webhookId]", "webhookId", (_, f) => ({ path: `/api/v1/webhooks/${f.webhookId}` })),
  api("DELETE", "/webhooks/[webhookId]", "webhookId", (_, f) => ({ path: `/api/v1/webhooks/${f.webhookId}` })),
  api("GET", "/customers/[customerId]/wallet/[accountId]/grants", "customerId", (_, f) => ({ path: `/api/v1/customers/${f.customerId}/wallet/default:USD/grants` })),
  api("GET", "/customers/[customerId]/wallet/[accountId]/grants", "accountId", (o, f) => ({ path: `/api/v1/customers/${o.customerId}/wallet/${f.accountId}/grants` }), { reach: "customer" }),
  api("POST", "/coupons", "credit_grant.asset", (_, f) => ({ path: "/api/v1/coupons", body: { code: `ISO-${Math.random().toString(36).slice(2, 10)}`, kind: "credit_grant", credit_grant: { asset: f.assetCode, amount: 1 } } }), { expect: 422 }),
  api("GET", "/coupons/[couponId]", "couponId", (_, f) => ({ path: `/api/v1/coupons/${f.couponId}` })),
  api("POST", "/coupons/[couponId]/deactivate", "couponId", (_, f) => ({ path: `/api/v1/coupons/${f.couponId}/deactivate` })),
  api("GET", "/webhooks/[webhookId]/deliveries", "webhookId", (_, f) => ({ path: `/api/v1/webhooks/${f.webhookId}/deliveries` })),
  api("GET", "/vendors/[vendorId]/stats", "vendorId", (_, f) => ({ path: `/api/v1/vendors/${f.vendorId}/stats` })),
  api("GET", "/tasks", "?customer_id", (_, f) => ({ path: `/api/v1/tasks?customer_id=${f.customerId}` })),
  api("GET", "/tasks/[taskId]", "taskId", (_, f) => ({ path: `/api/v1/tasks/${encodeURIComponent(f.taskId)}` })),
  api("GET", "/accounts/[accountId]", "accountId", (_, f) => ({ path: `/api/v1/accounts/${f.connectedAccountId}` })),

  portal("PUT", "/auto-top-up/[accountId]", "accountId", (_, f) => ({ path: `/api/portal/auto-top-up/${f.accountId}`, body: autoTopUp })),
  portal("PUT", "/auto-top-up/[accountId]", "payment_method_id", (_, f) => ({ path: "/api/portal/auto-top-up/default:USD", body: { ...autoTopUp, enabled: true, consent: true, payment_method_id: f.paymentMethodId } }), { expect: 422 }),
  portal("POST", "/auto-top-up/[accountId]/retry", "accountId", (_, f) => ({ path: `/api/portal/auto-top-up/${f.accountId}/retry` })),
  portal("POST", "/auto-top-up/[accountId]/confirm-card", "accountId", (_, f) => ({ path: `/api/portal/auto-top-up/${f.accountId}/confirm-card` })),
  portal("PUT", "/budget/[accountId]", "accountId", (_, f) => ({ path: `/api/portal/budget/${f.accountId}`, body: budget })),
  portal("PUT", "/budget/[accountId]", "asset of the account", (_, f) => ({ path: `/api/portal/budget/default:${f.assetCode}`, body: budget }), { reach: "platform" }),
  portal("POST", "/payment-methods/[paymentMethodId]/default", "paymentMethodId", (_, f) => ({ path: `/api/portal/payment-methods/${f.paymentMethodId}/default` })),
  portal("DELETE", "/payment-methods/[paymentMethodId]", "paymentMethodId", (_, f) => ({ path: `/api/portal/payment-methods/${f.paymentMethodId}` })),
  portal("POST", "/top-ups", "account_id", (_, f) => ({ path: "/api/portal/top-ups", body: { account_id: f.accountId, amount: 10 } })),
  portal("GET", "/invoices/[invoiceId]/pdf", "invoiceId", (_, f) => ({ path: `/api/portal/invoices/${f.invoiceId}/pdf` })),
  portal("GET", "/top-ups/[topUpId]", "topUpId", (_, f) => ({ path: `/api/portal/top-ups/${f.topUpId}` })),
  portal("POST", "/top-ups/[topUpId]/cancel", "topUpId", (_, f) => ({ path: `/api/portal/top-ups/${f.topUpId}/cancel` })),
  portal("POST", "/coupons/redeem", "code", (_, f) => ({ path: "/api/portal/coupons/redeem", body: { code: f.couponCode } }), { expect: 422, reach: "platform" }),
  portal("POST", "/subscriptions/[subscriptionId]/cancel", "subscriptionId", (_, f) => ({ path: `/api/portal/subscriptions/${f.subscriptionId}/cancel`, body: { cancel: true } })),
  portal("POST", "/subscriptions/[subscriptionId]/switch", "subscriptionId", (o, f) => ({ path: `/api/portal/subscriptions/${f.subscriptionId}/switch`, body: { code: o.productCode } })),
  portal("GET", "/transactions", "?asset", (_, f) => ({ path: `/api/portal/transactions?asset=${f.assetCode}` }), { expect: "filter" }),
  portal("GET", "/transactions/export", "?asset", (_, f) => ({ path: `/api/portal/transactions/export?asset=${f.assetCode}` }), { expect: "filter" }),
  portal("GET", "/usage", "?product", (_, f) => ({ path: `/api/portal/usage?product=${f.productCode}` }), { expect: "filter" }),
  portal("GET", "/usage/export", "?product", (_, f) => ({ path: `/api/portal/usage/export?product=${f.productCode}` }), { expect: "filter" }),
];

/** Route × method pairs that take no id of anything a caller could not own, each with its reason. */
export const NO_FOREIGN_ID: Record<string, string> = {
  "GET /api/portal/spend/lanes":
    "reads the session's customer only: ?asset picks among their own balances, ?by and ?lane among their platform's visible lanes (lane-spend.test.ts: no other customer's or platform's events count)",
  "GET /api/v1/[...path]": "catch-all: answers 404 for every unknown path",
  "POST /api/v1/[...path]": "catch-all: answers 404 for every unknown path",
  "PUT /api/v1/[...path]": "catch-all: answers 404 for every unknown path",
  "PATCH /api/v1/[...path]": "catch-all: answers 404 for every unknown path",
  "DELETE /api/v1/[...path]": "catch-all: answers 404 for every unknown path",
  "GET /api/v1/openapi.json": "public document, no tenant data",
  "GET /api/v1/assets": "lists the caller's own assets (leak sweep)",
  "POST /api/v1/assets": "creates in the caller's namespace; codes are per platform",
  "POST /api/v1/products": "creates in the caller's namespace; prices name assets (covered by GET /assets/[code] lookups)",
  "POST /api/v1/vendors": "creates in the caller's namespace",
  "POST /api/v1/webhooks": "creates in the caller's namespace",
  "GET /api/v1/webhooks": "lists the caller's own destinations (leak sweep)",
  "GET /api/v1/platform/branding": "the caller's own platform (leak sweep)",
  "PUT /api/v1/platform/branding": "the caller's own platform; no ids in the body",
  "GET /api/v1/platform/settings": "the caller's own platform (leak sweep)",
  "PUT /api/v1/platform/settings": "the caller's own platform; no ids in the body",
  "GET /api/portal/auto-top-up": "the session's own customer (leak sweep)",
  "GET /api/portal/balances": "the session's own customer (leak sweep)",
  "GET /api/portal/payment-methods": "the session's own customer (leak sweep)",
  "POST /api/portal/payment-methods": "starts a card setup for the session's own customer",
  "POST /api/portal/sign-out": "ends the caller's own session",
  "GET /api/portal/top-ups": "the session's own customer (leak sweep)",
  "GET /api/portal/credits": "the session's own customer (leak sweep)",
  "GET /api/portal/orders": "the session's own customer (leak sweep)",
  "GET /api/portal/plan": "the session's own customer and its platform's published plans (leak sweep)",
  "POST /api/portal/plan": "takes a plan by code from the session's own platform's published plans; any other code is a 422 like an unknown one",
  "GET /api/portal/billing-details": "the session's own customer (leak sweep)",
  "PUT /api/portal/billing-details": "the session's own customer; no ids in the body",
  "GET /api/portal/notifications": "the session's own customer (leak sweep)",
  "PUT /api/portal/notifications": "the session's own customer; no ids in the body",
  "GET /api/v1/email-deliveries": "lists the caller's own customers' emails (leak sweep)",
  "GET /api/v1/coupons": "lists the caller's own coupons (leak sweep)",
  "POST /api/v1/accounts": "creates in the caller's namespace",
  "GET /api/v1/accounts": "lists the caller's own connected accounts (leak sweep)",
  "GET /api/v1/accounts/self": "the caller's own account (leak sweep)",
};

/** Lists and own-object reads called as the first customer / its platform: nothing foreign may appear in them. */
export const LEAK_SWEEP: { via: "api" | "portal"; path: string }[] = [
  ...["/customers", "/events", "/top-ups", "/products", "/vendors", "/webhooks", "/assets", "/platform/branding", "/platform/settings", "/coupons", "/accounts", "/accounts/self", "/email-deliveries"].map((p) => ({ via: "api" as const, path: `/api/v1${p}` })),
  ...["/balances", "/transactions", "/transactions/export", "/usage", "/top-ups", "/payment-methods", "/auto-top-up", "/credits", "/orders", "/plan", "/notifications"].map((p) => ({ via: "portal" as const, path: `/api/portal${p}` })),
];
