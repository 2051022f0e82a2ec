import { z } from "zod";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { createAssetSchema, quoteSchema, rateInputSchema } from "@/lib/domain/assets/schemas";
import { createCustomerSchema, listCustomersQuerySchema, subscriptionRequestSchema } from "@/lib/domain/customers/schemas";
import { customerStatsQuerySchema } from "@/lib/workflows/events/customer-stats";
import { createPortalSessionSchema } from "@/lib/domain/portal-sessions/session-schema";
import { createAdjustmentSchema } from "@/lib/workflows/wallet/adjustment-schema";
import type { Operation } from "@/lib/http/openapi/operation";
import { assetResponse, quoteResponse } from "@/lib/http/openapi/responses/assets";
import { pageOf } from "@/lib/http/openapi/responses/common";
import {
  adjustmentResponse,
  customerResponse,
  customerStatsResponse,
  portalSessionResponse,
  subscriptionResponse,
  transactionResponse,
  walletAccountResponse,
  walletResponse,
} from "@/lib/http/openapi/responses/customers";

const ok = (schema: z.ZodType, description = "OK") => ({ status: 200, description, schema });
const created = (schema: z.ZodType, description = "Created") => ({ status: 201, description, schema });

/** Customers, subscriptions, wallets, assets and portal sessions. */
export const platformOperations: Operation[] = [
  { method: "post", path: "/customers", operationId: "Customers_create", tag: "Customers", summary: "Create a customer and subscribe it to products in the same transaction", body: createCustomerSchema, response: created(customerResponse) },
  {
    method: "get", path: "/customers", operationId: "Customers_list", tag: "Customers", summary: "List customers, or look one up with ?external_id=", query: listCustomersQuerySchema, lookup: true,
    response: { ...ok(z.union([pageOf(customerResponse), customerResponse]), "A page of customers, or the one customer with that external_id") },
  },
  { method: "get", path: "/customers/{customerId}", operationId: "Customers_get", tag: "Customers", summary: "A customer with its subscriptions", response: ok(customerResponse) },
  { method: "post", path: "/customers/{customerId}/subscriptions", operationId: "Customers_subscribe", tag: "Customers", summary: "Subscribe an existing customer to products", body: subscriptionRequestSchema, response: created(subscriptionResponse) },
  { method: "get", path: "/customers/{customerId}/subscriptions", operationId: "Customers_listSubscriptions", tag: "Customers", summary: "A customer's subscriptions", response: ok(z.object({ items: z.array(subscriptionResponse) })) },
  { method: "get", path: "/customers/{customerId}/stats", operationId: "Customers_stats", tag: "Customers", summary: "Revenue, costs and margin per asset and currency", query: customerStatsQuerySchema, response: ok(customerStatsResponse) },
  { method: "get", path: "/customers/{customerId}/wallet", operationId: "Wallets_get", tag: "Wallets", summary: "The customer's wallet accounts and available balances", response: ok(walletResponse) },
  { method: "get", path: "/customers/{customerId}/wallet/{accountId}", operationId: "Wallets_getAccount", tag: "Wallets", summary: "One wallet account (default:USD) with pending amounts", response: ok(walletAccountResponse) },
  {
    method: "get", path: "/customers/{customerId}/wallet/{accountId}/transactions", operationId: "Wallets_listTransactions", tag: "Wallets",
    summary: "A wallet account's movements, newest first (Billfold extension)", query: pageQuerySchema, response: ok(pageOf(transactionResponse)),
  },
  {
    method: "post", path: "/customers/{customerId}/wallet/adjustments", operationId: "Wallets_createAdjustment", tag: "Wallets",
    summary: "Credit or debit a wallet account; transaction_id is the idempotency key", body: createAdjustmentSchema, response: created(adjustmentResponse),
  },
  { method: "post", path: "/assets", operationId: "Assets_create", tag: "Assets", summary: "Create a custom asset with exchange rates", body: createAssetSchema, response: created(assetResponse) },
  { method: "get", path: "/assets", operationId: "Assets_list", tag: "Assets", summary: "The platform's custom assets", query: pageQuerySchema, response: ok(pageOf(assetResponse)) },
  { method: "get", path: "/assets/{code}", operationId: "Assets_get", tag: "Assets", summary: "A custom asset or a built-in fiat currency", response: ok(assetResponse) },
  { method: "post", path: "/assets/{code}/quote", operationId: "Assets_quote", tag: "Assets", summary: "How many units an amount of fiat buys now", body: quoteSchema, response: ok(quoteResponse) },
  { method: "post", path: "/assets/{code}/rates", operationId: "Assets_addRate", tag: "Assets", summary: "Add an exchange rate, effective now or at effective_at", body: rateInputSchema, response: created(assetResponse) },
  { method: "post", path: "/billing-portal/sessions", operationId: "BillingPortal_createSession", tag: "Billing Portal", summary: "A single-use, 10-minute portal sign-in link", body: createPortalSessionSchema, response: created(portalSessionResponse) },
];
