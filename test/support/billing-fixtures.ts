import { afterAll, beforeAll, expect } from "vitest";
import { usagePrice } from "@/lib/domain/catalog/usage-price";
import type { Database, Db } from "@/lib/kernel/db";
import { callApi, useDatabase } from "./api-client";
import type { TestDatabase } from "./databases";
import { createTestPlatform, type TestPlatform } from "./fixtures";

/** Products from the seed's examples (unit, volume, dimensional, package size, a custom asset). */
export const SEED_PRODUCTS = {
  video: {
    name: "AI Video Generation",
    code: "video_gen_std",
    prices: [usagePrice("Video Generation", "video_generated", { usage_type: "unit", source_reference_field: "video_id" }, [{ asset: "USD", values: [{ unit_price: 2.5 }] }])],
    publish: true,
  },
  chat: {
    name: "AI Chat Service",
    code: "chat_service_std",
    prices: [
      usagePrice("Token Usage", "message_completed", { usage_type: "volume", volume_field: "total_tokens", source_reference_field: "chat_id" }, [
        { asset: "USD", values: [{ volume_rate: 0.001 }] },
      ]),
    ],
    publish: true,
  },
  multimodel: {
    name: "Multi-Model Chat",
    code: "chat_multimodel",
    prices: [
      usagePrice("Token Usage", "model_message", { usage_type: "volume", volume_field: "total_tokens", billable_dimensions: ["model"] }, [
        {
          asset: "USD",
          values: [
            { name: "GPT-4 Tokens", dimensions: { model: "gpt-4" }, values: [{ volume_rate: 0.03 }] },
            { name: "GPT-3.5 Tokens", dimensions: { model: "gpt-3.5" }, values: [{ volume_rate: 0.001 }] },
          ],
        },
      ]),
    ],
    publish: true,
  },
  openai: {
    name: "OpenAI API",
    code: "openai_api_gpt",
    prices: [
      usagePrice("GPT 5.1 Input Tokens", "response_completed", { usage_type: "volume", volume_field: "input_tokens" }, [
        { asset: "USD", values: [{ volume_rate: 1.25, package_size: 1000000 }] },
      ]),
      usagePrice("GPT 5.1 Output Tokens", "response_completed", { usage_type: "volume", volume_field: "output_tokens" }, [
        { asset: "USD", values: [{ volume_rate: 10, package_size: 1000000 }] },
      ]),
    ],
    publish: true,
  },
  images: {
    name: "AI Image Generation",
    code: "image_gen_std",
    prices: [usagePrice("Image Generation", "image_generated", { usage_type: "unit" }, [{ asset: "CREDIT", values: [{ unit_price: 10 }] }])],
    publish: true,
  },
};

export interface BillingSetup {
  platform: TestPlatform;
  key: string;
  products: Record<string, { id: string; code: string; version: number }>;
}

/** A fresh platform with a CREDIT asset and the given seed products, created through the API. */
export async function setupBilling(db: Db, productNames: (keyof typeof SEED_PRODUCTS)[] = Object.keys(SEED_PRODUCTS) as never): Promise<BillingSetup> {
  const platform = await createTestPlatform(db);
  const key = platform.testKey;
  const asset = await callApi("POST", "/api/v1/assets", {
    key,
    body: { code: "CREDIT", name: "Credits", precision: 0, symbol: "⭐", label: "CR", rates: [{ source: "USD", rate: 0.05 }] },
  });
  expect(asset.status, asset.text).toBe(201);
  const products: BillingSetup["products"] = {};
  for (const name of productNames) {
    const res = await callApi("POST", "/api/v1/products", { key, body: SEED_PRODUCTS[name] });
    expect(res.status, res.text).toBe(201);
    products[name] = res.json;
  }
  return { platform, key, products };
}

/** A customer subscribed to products by code (default versions). */
export async function subscribedCustomer(key: string, codes: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const res = await callApi("POST", "/api/v1/customers", {
    key,
    body: { name: "Ada", ...extra, subscriptions: [{ products: codes.map((code) => ({ code })) }] },
  });
  expect(res.status, res.text).toBe(201);
  return res.json.id as string;
}

let eventCounter = 0;

/** A unique event id for tests. */
export function eventId(prefix = "evt"): string {
  return `${prefix}-${Date.now().toString(36)}-${++eventCounter}`;
}

/** Sends events for a customer and returns the response. */
export function sendEvents(key: string, customerId: string, events: Record<string, unknown>[]) {
  return callApi("POST", "/api/v1/events", { key, body: { customer_id: customerId, events } });
}

/**
 * The hooks of a billing test suite: opens the target database for the API routes, sets up a platform
 * with `products`, hands both to `ready` (which may add more), and closes the database afterwards.
 */
export function billingSuite(
  target: TestDatabase,
  products: (keyof typeof SEED_PRODUCTS)[] | undefined,
  ready: (database: Database, setup: BillingSetup) => void | Promise<void>,
): void {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await target.open();
    useDatabase(database);
    await ready(database, await setupBilling(database.db, products));
  });
  afterAll(() => database?.close());
}
