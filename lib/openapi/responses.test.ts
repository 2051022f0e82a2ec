import { describe, expect, it } from "vitest";
import { callApi, type ApiResponse } from "@/lib/testing/api-client";
import { eventId, billingSuite, type BillingSetup } from "@/lib/testing/billing-fixtures";
import { testDatabases } from "@/lib/testing/databases";
import { OPERATIONS } from "./document";

/** Fails when a response has a field the document does not describe, lacks one it does, or has the wrong type. */
function expectDocumented(method: string, apiPath: string, res: ApiResponse): void {
  const op = OPERATIONS.find((o) => o.method === method && new RegExp(`^${o.path.replace(/\{\w+\}/g, "[^/]+")}$`).test(apiPath.split("?")[0]!));
  expect(op, `${method} ${apiPath} is documented`).toBeDefined();
  const status = [op!.response.status, ...(op!.response.alternatives ?? []).map((a) => a.status)];
  expect(status, res.text).toContain(res.status);
  expect(op!.response.schema.parse(res.json)).toEqual(res.json);
}

describe.each(testDatabases())("documented responses on $name", (target) => {
  let setup: BillingSetup;
  billingSuite(target, ["video", "multimodel", "images"], (_database, s) => {
    setup = s;
  });

  async function expectDocumentedCall(method: "get" | "post" | "patch" | "put" | "delete", apiPath: string, body?: unknown) {
    const res = await callApi(method.toUpperCase(), `/api/v1${apiPath}`, { key: setup.key, body });
    expectDocumented(method, apiPath, res);
    return res.json;
  }

  it("match their schemas across the API", async () => {
    const vendor = await expectDocumentedCall("post", "/vendors", { name: "OpenAI", external_id: "oa" });
    await expectDocumentedCall("get", "/vendors");
    await expectDocumentedCall("get", "/vendors?external_id=oa");
    await expectDocumentedCall("get", `/vendors/${vendor.id}`);
    const customer = await expectDocumentedCall("post", "/customers", { name: "Doc", email: "doc@example.com", subscriptions: [{ products: [{ code: "chat_multimodel" }, { code: "image_gen_std" }] }] });
    await expectDocumentedCall("post", `/customers/${customer.id}/subscriptions`, { products: [{ code: "video_gen_std" }] });
    await expectDocumentedCall("get", `/customers/${customer.id}/subscriptions`);
    await expectDocumentedCall("post", `/customers/${customer.id}/wallet/adjustments`, { transaction_id: "doc-1", asset: "USD", amount: 100, reason: "external_topup" });
    const id = eventId("doc");
    await expectDocumentedCall("post", "/events", {
      customer_id: customer.id,
      events: [
        { id, event_type: "model_message", data: { model: "gpt-4", total_tokens: 10 }, costs: [{ vendor_id: vendor.id, amount: 0.01, currency: "USD" }] },
        { id: eventId("doc"), event_type: "model_message", data: { model: "x", total_tokens: 10 } },
        { id: eventId("doc"), event_type: "video_generated", costs: [{ vendor_external_id: "new_vendor", amount: 1, currency: "USD" }, { vendor_id: "vnd_unknown", amount: 1, currency: "USD" }] },
        { id: eventId("doc"), event_type: "video_generated", occurred_at: "2999-01-01T00:00:00Z" },
        { id, event_type: "model_message" },
      ],
    });
    await expectDocumentedCall("post", "/events", { customer_id: customer.id, events: [{ id, event_type: "model_message" }] });
    await expectDocumentedCall("get", `/events/${id}`);
    const listed = await expectDocumentedCall("get", `/events?customer_id=${customer.id}`);
    expect(listed.items.flatMap((e: { costs: { vendor_id: string | null }[] }) => e.costs.map((c) => c.vendor_id))).toContain(null);
    await expectDocumentedCall("get", `/customers/${customer.id}`);
    await expectDocumentedCall("get", "/customers");
    await expectDocumentedCall("get", `/customers/${customer.id}/stats`);
    await expectDocumentedCall("get", `/customers/${customer.id}/wallet`);
    await expectDocumentedCall("get", `/customers/${customer.id}/wallet/default:USD`);
    await expectDocumentedCall("get", `/customers/${customer.id}/wallet/default:USD/transactions`);
    const product = setup.products.multimodel!;
    await expectDocumentedCall("get", "/products");
    await expectDocumentedCall("get", "/products?code=chat_multimodel");
    await expectDocumentedCall("get", `/products/${product.id}`);
    await expectDocumentedCall("get", `/products/${product.id}/default`);
    const v2 = await expectDocumentedCall("post", `/products/${product.id}`, { name: "Multi-Model Chat", prices: [], entitlements: [{ name: "Grant", asset: "CREDIT", amount: 5, purpose: "promotion" }] });
    await expectDocumentedCall("patch", `/products/${product.id}/${v2.version}`, { publish: true });
    await expectDocumentedCall("post", `/products/${product.id}/simulate`, { events: [{ id: "s", event_type: "model_message", data: { model: "x", total_tokens: 3 } }] });
    await expectDocumentedCall("post", `/products/${product.id}/1/simulate-usage`, { events: [{ id: "s", event_type: "model_message", data: { model: "gpt-4", total_tokens: 3 } }] });
    await expectDocumentedCall("get", "/assets");
    await expectDocumentedCall("get", "/assets/CREDIT");
    await expectDocumentedCall("get", "/assets/USD");
    await expectDocumentedCall("post", "/assets/CREDIT/quote", { source: "USD", amount: 10 });
    await expectDocumentedCall("post", "/assets/CREDIT/rates", { source: "USD", rate: 0.04 });
    await expectDocumentedCall("post", "/billing-portal/sessions", { customer_id: customer.id, return_url: "https://example.com/a", failure_url: "https://example.com/b" });
    await expectDocumentedCall("get", "/platform/branding");
    await expectDocumentedCall("put", "/platform/branding", { name: "Doc Co", primary_color: "#ffff00" });
    const hook = await expectDocumentedCall("post", "/webhooks", { url: "https://example.com/hooks", topics: ["subscription.*"] });
    await expectDocumentedCall("get", "/webhooks");
    await expectDocumentedCall("get", `/webhooks/${hook.id}`);
    await expectDocumentedCall("post", `/customers/${customer.id}/subscriptions`, { products: [{ code: "image_gen_std" }] }).catch(() => undefined);
    await expectDocumentedCall("get", `/webhooks/${hook.id}/deliveries`);
    await expectDocumentedCall("delete", `/webhooks/${hook.id}`);
    await expectDocumentedCall("get", "/platform/settings");
    await expectDocumentedCall("put", "/platform/settings", { currency: "USD", top_up: { min_amount: 5, max_amount: 500, presets: [10, 20] } });
    const topUp = await expectDocumentedCall("post", "/top-ups", { customer_id: customer.id, amount: 20, currency: "USD", return_url: "https://example.com/a", failure_url: "https://example.com/b" });
    await expectDocumentedCall("get", `/top-ups/${topUp.id}`);
    await expectDocumentedCall("get", `/top-ups?customer_id=${customer.id}`);
  });

  it("match their schemas for accounts, vendor stats and tasks", async () => {
    const account = await expectDocumentedCall("post", "/accounts", { name: "Doc Studio", external_id: "doc-studio", metadata: { plan: "pro" } });
    await expectDocumentedCall("get", "/accounts");
    await expectDocumentedCall("get", "/accounts?external_id=doc-studio");
    await expectDocumentedCall("get", `/accounts/${account.id}`);
    await expectDocumentedCall("get", "/accounts/self");
    const inAccount = await callApi("GET", "/api/v1/accounts/self", { key: setup.key, headers: { "x-credyt-account": account.id } });
    expectDocumented("get", "/accounts/self", inAccount);
    const vendor = await expectDocumentedCall("post", "/vendors", { name: "Doc GPU", external_id: "doc-gpu" });
    const customer = await expectDocumentedCall("post", "/customers", { name: "Tasks", subscriptions: [{ products: [{ code: "chat_multimodel" }] }] });
    await expectDocumentedCall("post", "/events", {
      customer_id: customer.id,
      events: [
        { id: eventId("task"), event_type: "model_message", subject: "job_1", data: { model: "gpt-4", total_tokens: 10 }, costs: [{ vendor_id: vendor.id, amount: 0.01, currency: "USD" }] },
        { id: eventId("task"), event_type: "model_message", subject: "job_1", data: { model: "gpt-4", total_tokens: 5 }, costs: [{ vendor_id: "vnd_unknown", amount: 0.02, currency: "USD" }] },
      ],
    });
    await expectDocumentedCall("get", `/vendors/${vendor.id}/stats`);
    const tasks = await expectDocumentedCall("get", `/tasks?customer_id=${customer.id}`);
    expect(tasks.items).toHaveLength(1);
    const task = await expectDocumentedCall("get", `/tasks/${encodeURIComponent(tasks.items[0].id)}`);
    expect(task.vendors.map((v: { vendor_id: string | null }) => v.vendor_id)).toEqual([vendor.id, null]);
  });
});
