import { usagePrice } from "../../../lib/domain/catalog/usage-price";

/** The product every benchmark customer subscribes to: dimensional token pricing, as real AI platforms use. */
export const BENCH_PRODUCT = {
  name: "Bench API",
  code: "bench_api",
  prices: [
    usagePrice("Tokens", "message_completed", { usage_type: "volume", volume_field: "total_tokens", billable_dimensions: ["model"] }, [
      {
        asset: "USD",
        values: [
          { name: "Large model tokens", dimensions: { model: "large" }, values: [{ volume_rate: 10, package_size: 1000000 }] },
          { name: "Small model tokens", dimensions: { model: "small" }, values: [{ volume_rate: 0.6, package_size: 1000000 }] },
          { name: "Other tokens", dimensions: { model: "*" }, values: [{ volume_rate: 2, package_size: 1000000 }] },
        ],
      },
    ]),
  ],
  publish: true,
};

const MODELS = ["large", "small", "other"];

/** One usage event in the POST /events shape; `n` varies the model and the token count. */
export function benchEvent(id: string, n: number) {
  return { id, event_type: "message_completed", subject: `chat_${n % 997}`, data: { model: MODELS[n % 3], total_tokens: 500 + (n % 4000) } };
}
