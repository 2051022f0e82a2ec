import { z } from "zod";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { brandingSchema } from "@/lib/domain/platforms/branding-schema";
import { createWebhookSchema } from "@/lib/domain/outbound-webhooks/schemas";
import type { Operation } from "@/lib/http/openapi/operation";
import { pageOf } from "@/lib/http/openapi/responses/common";
import { brandingResponse, deliveryResponse, emailDeliveryResponse, webhookResponse } from "@/lib/http/openapi/responses/platform";

/** Platform settings: portal branding and outbound webhooks. */
export const settingsOperations: Operation[] = [
  {
    method: "get", path: "/platform/branding", operationId: "Platform_getBranding", tag: "Platform",
    summary: "The portal's name, logo, colours, product URLs and allowed origins (Billfold extension)", response: { status: 200, description: "OK", schema: brandingResponse },
  },
  {
    method: "put", path: "/platform/branding", operationId: "Platform_updateBranding", tag: "Platform",
    summary: "Set any branding field; reports colours adjusted for text contrast", body: brandingSchema, response: { status: 200, description: "OK", schema: brandingResponse },
  },
  {
    method: "post", path: "/webhooks", operationId: "Webhooks_create", tag: "Webhooks",
    summary: "Register a destination; the response carries its signing secret", body: createWebhookSchema, response: { status: 201, description: "Created", schema: webhookResponse },
  },
  { method: "get", path: "/webhooks", operationId: "Webhooks_list", tag: "Webhooks", summary: "Active destinations", query: pageQuerySchema, response: { status: 200, description: "OK", schema: pageOf(webhookResponse) } },
  { method: "get", path: "/webhooks/{webhookId}", operationId: "Webhooks_get", tag: "Webhooks", summary: "One destination, with its secret", response: { status: 200, description: "OK", schema: webhookResponse } },
  {
    method: "delete", path: "/webhooks/{webhookId}", operationId: "Webhooks_disable", tag: "Webhooks",
    summary: "Stop sending events to this destination", response: { status: 204, description: "Disabled", schema: z.null() },
  },
  {
    method: "get", path: "/webhooks/{webhookId}/deliveries", operationId: "Webhooks_listDeliveries", tag: "Webhooks",
    summary: "The delivery log: every event, its attempts and outcome", query: pageQuerySchema, response: { status: 200, description: "OK", schema: pageOf(deliveryResponse) },
  },
  {
    method: "get", path: "/email-deliveries", operationId: "Emails_list", tag: "Emails",
    summary: "Every email sent to the platform's customers, its attempts and outcome (Billfold extension)", query: pageQuerySchema, response: { status: 200, description: "OK", schema: pageOf(emailDeliveryResponse) },
  },
  {
    method: "get", path: "/customers/{customerId}/emails", operationId: "Emails_listForCustomer", tag: "Emails",
    summary: "The emails sent to one customer (Billfold extension)", query: pageQuerySchema, response: { status: 200, description: "OK", schema: pageOf(emailDeliveryResponse) },
  },
];
