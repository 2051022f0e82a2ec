import { usagePrice as usage } from "@/lib/domain/catalog/usage-price";
import { expect, signIn, test, type ApiClient } from "../fixtures";
import { tokenPrice } from "../portal-data";

async function catalog(api: ApiClient) {
  await api.post("/assets", { code: "CREDIT", name: "Credits", precision: 0, rates: [{ source: "USD", rate: 0.05 }] }, 201);
  const chat = await api.post(
    "/products",
    {
      name: "Multi-Model Chat",
      code: "chat",
      prices: [
        tokenPrice(),
        usage("Video Generation", "video_generated", { usage_type: "unit" }, [{ asset: "USD", values: [{ unit_price: 2.5 }] }]),
      ],
      publish: true,
    },
    201,
  );
  await api.post("/products", { name: "Images", code: "images", prices: [usage("Image", "image_generated", { usage_type: "unit" }, [{ asset: "CREDIT", values: [{ unit_price: 10 }] }])], publish: true }, 201);
  return chat;
}

test.describe("billing engine over HTTP", () => {
  test("prices, debits, deduplicates, simulates and documents usage events", async ({ api, request }) => {
    const chat = await catalog(api);
    const customer = await api.post("/customers", { name: "Ada", subscriptions: [{ products: [{ code: "chat" }, { code: "images", version: 1 }] }] }, 201);
    expect(customer.subscriptions[0].products.map((p: { code: string; version: number }) => `${p.code}@${p.version}`)).toEqual(["chat@1", "images@1"]);
    const events = [
      { id: `e2e-${Date.now()}-1`, event_type: "message_completed", subject: "chat_1", description: "GPT-4 chat", data: { model: "gpt-4", total_tokens: 2000 } },
      { id: `e2e-${Date.now()}-2`, event_type: "message_completed", subject: "chat_2", data: { model: "mystery", total_tokens: 2000 } },
      { id: `e2e-${Date.now()}-3`, event_type: "video_generated", subject: "video_1" },
      { id: `e2e-${Date.now()}-4`, event_type: "image_generated", subject: "img_1" },
    ];
    const first = await api.post("/events", { customer_id: customer.id, events }, 201);
    expect(first.items.map((i: { fees: { amount: number; price_name: string }[] }) => [i.fees[0]!.amount, i.fees[0]!.price_name])).toEqual([
      [60, "GPT-4 Tokens"],
      [2, "Other Tokens"],
      [2.5, "Video Generation"],
      [10, "Image"],
    ]);
    const replay = await api.post("/events", { customer_id: customer.id, events }, 200);
    expect(replay).toMatchObject({ billed: 0, duplicates: 4 });
    const wallet = await api.get(`/customers/${customer.id}/wallet`);
    expect(Object.fromEntries(wallet.accounts.map((a: { id: string; available: number }) => [a.id, a.available]))).toEqual({ "default:USD": -64.5, "default:CREDIT": -10 });
    const detail = await api.get(`/events/${events[0]!.id}`);
    expect(detail.fees[0]).toMatchObject({ product: { code: "chat", name: "Multi-Model Chat" }, product_version: 1, dimensions: { model: "gpt-4" }, quantity: 2000, rate: { volume_rate: 0.03 } });
    const simulated = await api.post(`/products/${chat.id}/default/simulate-usage`, { events: events.slice(0, 3) });
    expect(simulated.totals).toEqual([{ asset: "USD", amount: 64.5 }]);
    const doc = await request.get("/api/v1/openapi.json");
    expect(doc.status()).toBe(200);
    expect((await doc.json()).paths["/events"].post.operationId).toBe("Events_send");
  });

  test("the customer sees each usage fee in the portal's transactions", async ({ api, page }) => {
    await catalog(api);
    const customer = await api.post("/customers", { name: "Grace", subscriptions: [{ products: [{ code: "chat" }] }] }, 201);
    await api.post("/events", { customer_id: customer.id, events: [{ id: `e2e-portal-${Date.now()}`, event_type: "video_generated", subject: "video_9", description: "Launch trailer" }] }, 201);
    await signIn(page, api, customer.id, "/transactions");
    const row = page.getByRole("row").filter({ hasText: "Launch trailer" });
    await expect(row).toBeVisible();
    await expect(row).toContainText("2.50");
  });
});
