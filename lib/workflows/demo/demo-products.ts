import type { Db } from "@/lib/kernel/db";
import { createProduct } from "@/lib/domain/catalog/create-product";
import { createProductSchema } from "@/lib/domain/catalog/product-schema";
import { usagePrice } from "@/lib/domain/catalog/usage-price";
import { parseJsonText } from "@/lib/kernel/json";
import type { PlatformScope } from "@/lib/kernel/scope";
import { createVendor } from "@/lib/domain/vendors/vendor-store";

/** A USD product with dimensional token pricing (and a "*" fallback) and per-minute video; a CREDIT product for images. */
const PRODUCTS = [
  {
    name: "Glitch AI API",
    code: "glitch_api",
    description: "Chat and video generation, billed per token and per minute.",
    prices: [
      usagePrice("Chat tokens", "message_completed", { usage_type: "volume", volume_field: "total_tokens", source_reference_field: "chat_id", billable_dimensions: ["model"] }, [
        {
          asset: "USD",
          values: [
            { name: "Glitch-4 tokens", dimensions: { model: "glitch-4" }, values: [{ volume_rate: 10, package_size: 1000000 }] },
            { name: "Glitch-4 mini tokens", dimensions: { model: "glitch-4-mini" }, values: [{ volume_rate: 0.6, package_size: 1000000 }] },
            { name: "Other model tokens", dimensions: { model: "*" }, values: [{ volume_rate: 2, package_size: 1000000 }] },
          ],
        },
      ]),
      usagePrice("Video generation", "video_generated", { usage_type: "unit_and_volume", volume_field: "minutes", source_reference_field: "video_id", billable_dimensions: ["speed"] }, [
        {
          asset: "USD",
          values: [
            { name: "Fast video minutes", dimensions: { speed: "fast" }, values: [{ unit_price: 0.2, volume_rate: 0.8 }] },
            { name: "Video minutes", dimensions: { speed: "*" }, values: [{ volume_rate: 0.4 }] },
          ],
        },
      ]),
    ],
    publish: true,
  },
  {
    name: "Glitch Images",
    code: "glitch_images",
    description: "Image generation, paid in credits.",
    prices: [
      usagePrice("Image generation", "image_generated", { usage_type: "unit", billable_dimensions: ["quality"] }, [
        {
          asset: "CREDIT",
          values: [
            { name: "HD image", dimensions: { quality: "hd" }, values: [{ unit_price: 20 }] },
            { name: "Image", dimensions: { quality: "*" }, values: [{ unit_price: 10 }] },
          ],
        },
      ]),
    ],
    publish: true,
  },
];

export const DEMO_PRODUCT_CODES = PRODUCTS.map((p) => p.code);

/** Creates the demo products (through the API's own schema, so they are exactly what a platform could send) and vendors. */
export async function seedDemoCatalog(db: Db, scope: PlatformScope): Promise<void> {
  for (const product of PRODUCTS) {
    await createProduct(db, scope, createProductSchema.parse(parseJsonText(JSON.stringify(product))));
  }
  await createVendor(db, scope, { name: "GPU Cloud", external_id: "gpu_cloud" });
  await createVendor(db, scope, { name: "Model Host", external_id: "model_host" });
}
