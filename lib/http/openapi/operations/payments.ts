import { createTopUpSchema, listTopUpsQuerySchema } from "@/lib/domain/payments/top-ups/schema";
import { platformSettingsSchema } from "@/lib/domain/platforms/settings-schema";
import type { Operation } from "@/lib/http/openapi/operation";
import { pageOf } from "@/lib/http/openapi/responses/common";
import { settingsResponse, topUpCreatedResponse, topUpResponse } from "@/lib/http/openapi/responses/payments";

/** Top-ups and the platform's payment settings. */
export const paymentOperations: Operation[] = [
  {
    method: "post", path: "/top-ups", operationId: "TopUps_create", tag: "Top-ups",
    summary: "Start a top-up; redirect_url signs the customer in and lands them on Checkout (Idempotency-Key honoured)",
    body: createTopUpSchema, response: { status: 201, description: "Created", schema: topUpCreatedResponse },
  },
  {
    method: "get", path: "/top-ups", operationId: "TopUps_list", tag: "Top-ups", summary: "The platform's top-ups, newest first (?customer_id=)",
    query: listTopUpsQuerySchema, response: { status: 200, description: "OK", schema: pageOf(topUpResponse) },
  },
  {
    method: "get", path: "/top-ups/{topUpId}", operationId: "TopUps_get", tag: "Top-ups", summary: "One top-up with its status, what it credited and its receipt",
    response: { status: 200, description: "OK", schema: topUpResponse },
  },
  {
    method: "get", path: "/platform/settings", operationId: "Platform_getSettings", tag: "Platform",
    summary: "Top-up limits and presets, auto top-up caps, portal currency (Billfold extension)", response: { status: 200, description: "OK", schema: settingsResponse },
  },
  {
    method: "put", path: "/platform/settings", operationId: "Platform_replaceSettings", tag: "Platform",
    summary: "Replace the settings (parts left out return to their defaults)", body: platformSettingsSchema, response: { status: 200, description: "OK", schema: settingsResponse },
  },
];
