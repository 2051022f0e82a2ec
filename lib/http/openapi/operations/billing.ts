import { z } from "zod";
import { createProductSchema, createVersionSchema, listProductsQuerySchema, updateVersionSchema } from "@/lib/domain/catalog/product-schema";
import { ingestEventsSchema, listEventsQuerySchema, simulateUsageSchema } from "@/lib/workflows/events/schemas";
import { createVendorSchema, listVendorsQuerySchema } from "@/lib/domain/vendors/schemas";
import type { Operation } from "@/lib/http/openapi/operation";
import { productDetailResponse, productSummaryResponse, productVersionResponse, versionSummaryResponse } from "@/lib/http/openapi/responses/catalog";
import { pageOf } from "@/lib/http/openapi/responses/common";
import { eventResponse, ingestResponse, simulationResponse, vendorResponse } from "@/lib/http/openapi/responses/events";

const ok = (schema: z.ZodType, description = "OK") => ({ status: 200, description, schema });
const created = (schema: z.ZodType, description = "Created") => ({ status: 201, description, schema });

const INGEST = `Up to 1,000 events of one customer. Each new event is priced against the customer's subscribed product
versions and its fees are debited in the same transaction that stores it. Per event: billed (with fees), unbilled
(stored, not billed: reason_code no_subscription, no_price, no_dimension_match or rating_error), duplicate (the id was
used before: nothing billed) or rejected (occurred_at too far in the future: not stored; may be sent again with the
same id) — the statuses GET /events and simulate use. Cost lines never decide billing: a vendor cited by an unknown
vendor_external_id is registered on first sight, a cost citing an unknown vendor_id is kept without a vendor, and
either is reported in the event's warnings. A malformed request is a 422 and writes nothing.`;

/** Products, prices, usage events, simulation and vendors. */
export const billingOperations: Operation[] = [
  { method: "post", path: "/products", operationId: "Products_create", tag: "Product Catalog", summary: "Create a product and its first version", body: createProductSchema, response: created(versionSummaryResponse) },
  {
    method: "get", path: "/products", operationId: "Products_list", tag: "Product Catalog", summary: "List products, or look one up with ?code=", query: listProductsQuerySchema, lookup: true,
    response: ok(z.union([pageOf(productSummaryResponse), productDetailResponse]), "A page of products, or the one product with that code"),
  },
  { method: "get", path: "/products/{productId}", operationId: "Products_get", tag: "Product Catalog", summary: "A product with every version, newest first", response: ok(productDetailResponse) },
  {
    method: "post", path: "/products/{productId}", operationId: "Products_createVersion", tag: "Product Catalog",
    summary: "A new version from a full definition; subscribers stay on theirs", body: createVersionSchema, response: created(versionSummaryResponse),
  },
  { method: "get", path: "/products/{productId}/{version}", operationId: "Products_getVersion", tag: "Product Catalog", summary: "One version (an integer or \"default\")", response: ok(productVersionResponse) },
  {
    method: "patch", path: "/products/{productId}/{version}", operationId: "Products_updateVersion", tag: "Product Catalog",
    summary: "Publish a draft and/or make a published version the default", body: updateVersionSchema, response: ok(versionSummaryResponse),
  },
  {
    method: "post", path: "/products/{productId}/{version}/simulate-usage", operationId: "Products_simulateUsage", tag: "Product Catalog",
    summary: "The fees events would incur on this version; writes nothing", body: simulateUsageSchema, response: ok(simulationResponse),
  },
  {
    method: "post", path: "/products/{productId}/simulate", operationId: "Products_simulate", tag: "Product Catalog",
    summary: "simulate-usage on the default version; writes nothing", body: simulateUsageSchema, response: ok(simulationResponse),
  },
  {
    method: "post", path: "/events", operationId: "Events_send", tag: "Events", summary: "Store and bill usage events", description: INGEST, body: ingestEventsSchema,
    response: { ...created(ingestResponse, "At least one event was stored"), alternatives: [{ status: 200, description: "Every event was a duplicate or rejected" }] },
  },
  { method: "get", path: "/events", operationId: "Events_list", tag: "Events", summary: "Events newest first with fees and costs (?customer_id=)", query: listEventsQuerySchema, lookup: true, response: ok(pageOf(eventResponse)) },
  { method: "get", path: "/events/{eventId}", operationId: "Events_get", tag: "Events", summary: "One event by the platform's id, with fees and costs", response: ok(eventResponse) },
  { method: "post", path: "/vendors", operationId: "Vendors_create", tag: "Vendors", summary: "Register a vendor whose costs events can carry", body: createVendorSchema, response: created(vendorResponse) },
  {
    method: "get", path: "/vendors", operationId: "Vendors_list", tag: "Vendors", summary: "List vendors, or look one up with ?external_id=", query: listVendorsQuerySchema, lookup: true,
    response: ok(z.union([pageOf(vendorResponse), vendorResponse]), "A page of vendors, or the one vendor with that external_id"),
  },
  { method: "get", path: "/vendors/{vendorId}", operationId: "Vendors_get", tag: "Vendors", summary: "One vendor", response: ok(vendorResponse) },
  {
    method: "get", path: "/openapi.json", operationId: "OpenApi_get", tag: "Meta", summary: "This document: OpenAPI 3.1 generated from the request schemas", public: true,
    response: ok(z.record(z.string(), z.unknown())),
  },
];
