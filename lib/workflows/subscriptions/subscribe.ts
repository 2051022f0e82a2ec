import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/kernel/db";
import { subscriptionProducts, subscriptions } from "@/lib/kernel/db/schema";
import { col, parseRows } from "@/lib/kernel/db/rows";
import { ValidationError } from "@/lib/kernel/errors";
import { newId } from "@/lib/kernel/ids";
import { now } from "@/lib/kernel/clock";
import { accountKey, lockAccounts } from "@/lib/domain/ledger/accounts";
import { defaultRedirectUrl, getPlatformOrThrow } from "@/lib/domain/platforms/get-platform";
import { checkRedirectUrls } from "@/lib/domain/portal-sessions/create-session-link";
import type { PlatformScope } from "@/lib/kernel/scope";
import type { SubscriptionRequest } from "@/lib/domain/customers/schemas";
import { activateEntitlements } from "@/lib/domain/grants/entitlements";
import { createFirstCharge } from "@/lib/workflows/subscriptions/first-charge";
import { emitWebhookEvent } from "@/lib/domain/outbound-webhooks/emit";
import { DEFAULT_ACCOUNT } from "@/lib/domain/wallet/account-id";
import { chargeAmountProblem } from "@/lib/kernel/money/limits";
import { fixedFeeOf, type PlanFee } from "@/lib/workflows/subscriptions/plan-fee";
import { assetsOf, hasRecurringFee, type PriceDef } from "@/lib/domain/catalog/definition";
import { decodeEntitlements, decodePrices } from "@/lib/domain/catalog/definition-codec";

/** A field path under the request's prefix ("" when the subscription request is the whole body). */
const at = (prefix: string, rest: string) => (prefix ? `${prefix}.${rest}` : rest);

const resolvedColumns = z.object({
  code: col.text(),
  asked: col.int().nullable(),
  product_id: col.text().nullable(),
  version: col.int().nullable(),
  status: col.text().nullable(),
  prices: col.text().nullable(),
  entitlements: col.text().nullable(),
  name: col.text().nullable(),
});
type Resolved = z.output<typeof resolvedColumns>;

/** Each requested product with the version it resolves to ("default" or omitted: the default published one). */
async function resolveProducts(tx: Tx, scope: PlatformScope, request: SubscriptionRequest): Promise<Resolved[]> {
  const codes = request.products.map((p) => p.code);
  const asked = request.products.map((p) => (typeof p.version === "number" ? p.version : null));
  return parseRows(
    resolvedColumns,
    await tx.execute(sql`
      SELECT r.code, r.asked, p.id AS product_id, v.version, v.status, v.prices::text AS prices, v.entitlements::text AS entitlements, v.name
      FROM unnest(${sql.param(codes)}::text[], ${sql.param(asked)}::int[]) WITH ORDINALITY AS r(code, asked, i)
      LEFT JOIN products p ON p.platform_id = ${scope.platformId} AND p.live_mode = ${scope.liveMode} AND p.code = r.code
      LEFT JOIN product_versions v ON v.product_id = p.id AND v.version = coalesce(r.asked, p.default_version)
      ORDER BY r.i`),
  );
}

function problemOf(r: Resolved, index: number, all: Resolved[]): string | null {
  if (!r.product_id) return `Unknown product '${r.code}'.`;
  if (all.findIndex((o) => o.product_id === r.product_id) !== index) return `'${r.code}' is listed twice.`;
  if (r.version === null) return r.asked === null ? `'${r.code}' has no published version yet.` : `'${r.code}' has no version ${r.asked}.`;
  if (r.status !== "published") return `Version ${r.version} of '${r.code}' is not published.`;
  return null;
}

async function alreadySubscribed(tx: Tx, customerId: string, productIds: string[]): Promise<Set<string>> {
  const rows = parseRows(z.object({ product_id: col.text() }), await tx.execute(sql`
      SELECT sp.product_id FROM subscription_products sp JOIN subscriptions s ON s.id = sp.subscription_id
      WHERE sp.customer_id = ${customerId} AND s.status <> 'canceled' AND sp.product_id = ANY(${sql.param(productIds)}::text[])`)
  );
  return new Set(rows.map((r) => r.product_id));
}

/**
 * The subscription's return and failure URLs: as given (checked against the platform's allowed origins)
 * or, for a plan whose first period the customer pays, the platform's default for what was left out.
 */
async function redirectUrls(tx: Tx, scope: PlatformScope, request: SubscriptionRequest, field: string, paid: boolean) {
  const given: Record<string, string> = {};
  if (request.return_url !== undefined) given[at(field, "return_url")] = request.return_url;
  if (request.failure_url !== undefined) given[at(field, "failure_url")] = request.failure_url;
  if (Object.keys(given).length === 0 && !paid) return { returnUrl: null, failureUrl: null };
  const platform = await getPlatformOrThrow(tx, scope.platformId);
  checkRedirectUrls(given, platform.branding.allowedRedirectOrigins);
  const fallback = paid ? defaultRedirectUrl(platform) : null;
  return { returnUrl: request.return_url ?? fallback, failureUrl: request.failure_url ?? fallback };
}

/** The one product with a fixed recurring price, if any. @throws ValidationError for two, or an unchargeable amount */
function planOf(prices: PriceDef[][], resolved: Resolved[], field: string): PlanFee | null {
  const fees = prices.map((p) => fixedFeeOf(p));
  const indexes = fees.flatMap((f, i) => (f ? [i] : []));
  if (indexes.length > 1) throw ValidationError.field(at(field, `products[${indexes[1]}].code`), "A subscription holds at most one product with a fixed recurring price.");
  const i = indexes[0];
  if (i === undefined) return null;
  const fee = fees[i]!;
  const problem = chargeAmountProblem(fee.amount, fee.currency);
  if (problem) throw ValidationError.field(at(field, `products[${i}].code`), `The plan's fixed price cannot be charged: ${problem}`);
  const r = resolved[i]!;
  return { ...fee, productId: r.product_id!, version: Number(r.version), position: i, name: r.name ?? r.code };
}

/**
 * Subscribes a customer to published product versions by code, inside the caller's transaction,
 * and opens a wallet account for every asset those versions price in or grant. The caller holds
 * the customer's row lock, so two subscribe calls cannot both add the same product.
 * @throws ValidationError for unknown, unpublished, repeated or already subscribed products.
 */
export async function subscribeCustomer(tx: Tx, scope: PlatformScope, customerId: string, request: SubscriptionRequest, field: string): Promise<string> {
  const resolved = await resolveProducts(tx, scope, request);
  const errors: Record<string, string[]> = {};
  resolved.forEach((r, i) => {
    const problem = problemOf(r, i, resolved);
    if (problem) errors[at(field, `products[${i}].${r.product_id && r.version === null ? "version" : "code"}`)] = [problem];
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const taken = await alreadySubscribed(tx, customerId, resolved.map((r) => r.product_id!));
  resolved.forEach((r, i) => {
    if (taken.has(r.product_id!)) errors[at(field, `products[${i}].code`)] = [`The customer is already subscribed to '${r.code}'.`];
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  const definitions = resolved.map((r) => ({ prices: decodePrices(r.prices!), entitlements: decodeEntitlements(r.entitlements!) }));
  const urls = await redirectUrls(tx, scope, request, field, definitions.some((d) => hasRecurringFee(d.prices)));
  const plan = planOf(definitions.map((d) => d.prices), resolved, field);
  const id = newId("subscription");
  const startedAt = now();
  await tx.insert(subscriptions).values({
    id,
    ...scope,
    customerId,
    // A plan with a fixed price starts once its first period is paid; usage-only subscriptions start now.
    status: plan ? "pending" : "active",
    ...urls,
    redirectTo: request.redirect_to ?? null,
    startedAt,
  });
  await tx.insert(subscriptionProducts).values(
    resolved.map((r, position) => ({ subscriptionId: id, position, ...scope, customerId, productId: r.product_id!, version: Number(r.version) })),
  );
  const assets = [...new Set(definitions.flatMap((d) => assetsOf(d.prices, d.entitlements)))];
  await lockAccounts(tx, scope, assets.map((asset) => accountKey({ kind: "wallet", customerId, name: DEFAULT_ACCOUNT, asset })));
  if (plan) {
    await createFirstCharge(tx, { ...scope, customerId }, { id, ...urls }, plan);
    return id;
  }
  await activateEntitlements(tx, scope, id, startedAt);
  await emitWebhookEvent(tx, scope, "subscription.activated", { customer_id: customerId, subscription_id: id, status: "active", occurred_at: startedAt.toISOString() });
  return id;
}
