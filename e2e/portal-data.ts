import { usagePrice as usage } from "@/lib/domain/catalog/usage-price";
import type { ApiClient } from "./fixtures";

/** Seed 004's dimensional token price: $0.03 per GPT-4 token, $0.001 for any other model. */
export function tokenPrice() {
  return usage("Token Usage", "message_completed", { usage_type: "volume", volume_field: "total_tokens", billable_dimensions: ["model"] }, [
    {
      asset: "USD",
      values: [
        { name: "GPT-4 Tokens", dimensions: { model: "gpt-4" }, values: [{ volume_rate: 0.03 }] },
        { name: "Other Tokens", dimensions: { model: "*" }, values: [{ volume_rate: 0.001 }] },
      ],
    },
  ]);
}

export interface SeededCustomer {
  customerId: string;
  products: { chat: string; video: string; images: string };
  eventIds: string[];
}

/**
 * A customer with a realistic wallet, created through the platform API: USD and CREDIT balances,
 * a dimensional token price, a per-video price and a per-image CREDIT price, and four usage events.
 * USD: 100 − 60 (2,000 GPT-4 tokens × $0.03) − 2 (2,000 other tokens × $0.001) − 2.50 = $35.50. CREDIT: 500 − 10 = 490.
 */
export async function seedUsageCustomer(api: ApiClient, name = "Ada Lovelace"): Promise<SeededCustomer> {
  await api.post("/assets", { code: "CREDIT", name: "Credits", precision: 0, symbol: "⭐", label: "CR", rates: [{ source: "USD", rate: 0.05 }] }, 201);
  const chat = await api.post(
    "/products",
    {
      name: "Multi-Model Chat",
      code: "chat",
      prices: [
        tokenPrice(),
      ],
      publish: true,
    },
    201,
  );
  const video = await api.post("/products", { name: "Video Studio", code: "video", prices: [usage("Video Generation", "video_generated", { usage_type: "unit" }, [{ asset: "USD", values: [{ unit_price: 2.5 }] }])], publish: true }, 201);
  const images = await api.post("/products", { name: "Image Studio", code: "images", prices: [usage("Image", "image_generated", { usage_type: "unit" }, [{ asset: "CREDIT", values: [{ unit_price: 10 }] }])], publish: true }, 201);
  const customer = await api.post("/customers", { name, email: "ada@example.com", subscriptions: [{ products: [{ code: "chat" }, { code: "video" }, { code: "images" }] }] }, 201);
  const id = customer.id as string;
  await api.post(`/customers/${id}/wallet/adjustments`, { transaction_id: `fund-${id}`, asset: "USD", amount: 100, reason: "external_topup", description: "Card top-up" }, 201);
  await api.post(`/customers/${id}/wallet/adjustments`, { transaction_id: `fund-credit-${id}`, asset: "CREDIT", amount: 500, reason: "gift", description: "Welcome credits" }, 201);
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
  const eventIds = [1, 2, 3, 4].map((n) => `${id}-e${n}`);
  await api.post("/events", {
    customer_id: id,
    events: [
      { id: eventIds[0], event_type: "message_completed", occurred_at: at(40), subject: "chat_8f2a", description: "Long answer about compilers", data: { model: "gpt-4", total_tokens: 2000 } },
      { id: eventIds[1], event_type: "message_completed", occurred_at: at(30), subject: "chat_91c0", description: "Quick question", data: { model: "mistral", total_tokens: 2000 } },
      { id: eventIds[2], event_type: "video_generated", occurred_at: at(20), subject: "video_trailer", description: "Trailer render" },
      { id: eventIds[3], event_type: "image_generated", occurred_at: at(10), subject: "img_logo", description: "Logo draft" },
    ],
  });
  return { customerId: id, products: { chat: chat.id, video: video.id, images: images.id }, eventIds };
}
