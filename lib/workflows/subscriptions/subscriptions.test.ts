import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { callApi } from "@/test/support/api-client";
import { billingSuite, type BillingSetup } from "@/test/support/billing-fixtures";
import { testDatabases } from "@/test/support/databases";

describe.each(testDatabases())("subscriptions on $name", (target) => {
  let database: Database;
  let setup: BillingSetup;
  billingSuite(target, ["video", "images", "chat"], (d, s) => {
    database = d;
    setup = s;
  });

  const post = (path: string, body: unknown) => callApi("POST", `/api/v1${path}`, { key: setup.key, body });
  const get = (path: string) => callApi("GET", `/api/v1${path}`, { key: setup.key });

  it("subscribes at creation, opens an account per priced asset, and shows resolved versions", async () => {
    const res = await post("/customers", {
      name: "Grace",
      external_id: "sub-grace",
      subscriptions: [{ products: [{ code: "video_gen_std", version: "default" }, { code: "image_gen_std", version: 1 }] }],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json.subscriptions).toEqual([
      {
        id: expect.stringMatching(/^sub_[0-9a-z]{26}$/),
        status: "active",
        products: [
          { id: setup.products.video!.id, code: "video_gen_std", version: 1 },
          { id: setup.products.images!.id, code: "image_gen_std", version: 1 },
        ],
        started_at: expect.any(String),
        created_at: expect.any(String),
        current_period_start: null,
        current_period_end: null,
        canceled_at: null,
        cancel_at_period_end: false,
        required_actions: [],
      },
    ]);
    const wallet = await get(`/customers/${res.json.id}/wallet`);
    expect(wallet.json.accounts.map((a: { id: string; available: number }) => [a.id, a.available]).sort()).toEqual([
      ["default:CREDIT", 0],
      ["default:USD", 0],
    ]);
    const listed = await get("/customers?limit=100");
    expect(listed.json.items.find((c: { id: string }) => c.id === res.json.id).subscriptions).toHaveLength(1);
  });

  it("rolls the whole customer back when a product is unknown, unpublished or repeated", async () => {
    const before = rowsOf<{ n: string }>(await database.db.execute(sql`SELECT count(*)::text AS n FROM customers WHERE platform_id = ${setup.platform.id}`))[0]!.n;
    const res = await post("/customers", {
      external_id: "never",
      subscriptions: [{ products: [{ code: "nope" }, { code: "video_gen_std", version: 7 }, { code: "chat_service_std" }, { code: "chat_service_std" }] }],
    });
    expect(res.status).toBe(422);
    expect(res.json.errors).toEqual({
      "subscriptions[0].products[0].code": ["Unknown product 'nope'."],
      "subscriptions[0].products[1].version": ["'video_gen_std' has no version 7."],
      "subscriptions[0].products[3].code": ["'chat_service_std' is listed twice."],
    });
    const after = rowsOf<{ n: string }>(await database.db.execute(sql`SELECT count(*)::text AS n FROM customers WHERE platform_id = ${setup.platform.id}`))[0]!.n;
    expect(after).toBe(before);
  });

  it("adds a subscription to an existing customer, once per product", async () => {
    const created = await post("/customers", { name: "Alan" });
    const id = created.json.id as string;
    const added = await post(`/customers/${id}/subscriptions`, { products: [{ code: "chat_service_std" }] });
    expect(added.status, added.text).toBe(201);
    expect(added.json.products).toEqual([{ id: setup.products.chat!.id, code: "chat_service_std", version: 1 }]);
    const again = await post(`/customers/${id}/subscriptions`, { products: [{ code: "chat_service_std" }] });
    expect(again.json.errors).toEqual({ "products[0].code": ["The customer is already subscribed to 'chat_service_std'."] });
    const concurrent = await Promise.all(Array.from({ length: 6 }, () => post(`/customers/${id}/subscriptions`, { products: [{ code: "video_gen_std" }] })));
    expect(concurrent.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
    expect((await get(`/customers/${id}/subscriptions`)).json.items).toHaveLength(2);
    expect((await post("/customers/cust_00000000000000000000000000/subscriptions", { products: [{ code: "chat_service_std" }] })).status).toBe(404);
  });

  it("announces each new subscription to the platform's webhooks", async () => {
    const hook = await post("/webhooks", { url: "https://example.com/hooks", topics: ["subscription.*"] });
    const created = await post("/customers", { name: "Hooked", subscriptions: [{ products: [{ code: "video_gen_std" }] }] });
    const deliveries = await get(`/webhooks/${hook.json.id}/deliveries`);
    expect(deliveries.json.items.map((d: { type: string }) => d.type)).toEqual(["subscription.activated"]);
    const failed = await post("/customers", { name: "Nope", subscriptions: [{ products: [{ code: "nope" }] }] });
    expect(failed.status).toBe(422);
    expect((await get(`/webhooks/${hook.json.id}/deliveries`)).json.total_count).toBe(1);
    expect(created.json.subscriptions).toHaveLength(1);
  });
});
