import { sql } from "drizzle-orm";
import { validate } from "../../../lib/api/parse";
import { createProduct } from "../../../lib/catalog/create-product";
import { createProductSchema } from "../../../lib/catalog/product-schema";
import { usagePrice } from "../../../lib/catalog/usage-price";
import { addSubscription } from "../../../lib/catalog/add-subscription";
import type { Db } from "../../../lib/db";
import { parseJsonText } from "../../../lib/json";
import type { CustomerScope } from "../../../lib/scope";

const PRODUCTS = [
  { name: "Chat", code: "bench_chat", price: usagePrice("Tokens", "chat", { usage_type: "volume", volume_field: "tokens" }, [{ asset: "USD", values: [{ volume_rate: 0.00001 }] }]) },
  { name: "Video", code: "bench_video", price: usagePrice("Video minute", "video", { usage_type: "unit" }, [{ asset: "USD", values: [{ unit_price: 0.05 }] }]) },
  { name: "Images", code: "bench_images", price: usagePrice("Image", "image", { usage_type: "unit" }, [{ asset: "CREDIT", values: [{ unit_price: 10 }] }]) },
];

/**
 * Turns every usage-fee transfer that seedLedger wrote into a stored event with its fee (the portal's
 * usage history and spend charts read these), spread over three products the customer subscribes to.
 * Must run right after seedLedger, while its `bench_t` work table still exists. Each run of
 * `eventsPerTask` consecutive events shares a subject (one task).
 */
export async function seedUsage(db: Db, scope: CustomerScope, eventsPerTask = 1): Promise<void> {
  const products = [];
  for (const p of PRODUCTS) {
    const input = validate(createProductSchema, parseJsonText(JSON.stringify({ name: p.name, code: p.code, prices: [p.price], publish: true })));
    products.push({ ...(await createProduct(db, scope, input)), name: p.name });
  }
  await addSubscription(db, scope, scope.customerId, { products: products.map((p) => ({ code: p.code })) });
  const [chat, video, images] = products as [(typeof products)[number], (typeof products)[number], (typeof products)[number]];
  const pick = (field: "id" | "code" | "name") =>
    sql`CASE WHEN t.asset = 'CREDIT' THEN ${images[field]} WHEN t.n % 2 = 0 THEN ${chat[field]} ELSE ${video[field]} END`;
  await db.execute(sql`
    INSERT INTO events (platform_id, live_mode, id, customer_id, event_type, occurred_at, subject, description, data, status, created_at)
    SELECT ${scope.platformId}, ${scope.liveMode}, 'bench-' || t.n, ${scope.customerId},
      CASE WHEN t.asset = 'CREDIT' THEN 'image' WHEN t.n % 2 = 0 THEN 'chat' ELSE 'video' END, t.at, 'task_' || (t.n / ${eventsPerTask}),
      'Generated image #' || t.n, '{}'::jsonb, 'billed', t.at
    FROM bench_t t WHERE t.category = 'usage_fee' ORDER BY t.n`);
  await db.execute(sql`
    INSERT INTO event_fees (platform_id, live_mode, event_pk, customer_id, account_name, asset_code, amount, product_id, product_code,
      product_name, product_version, price_id, price_name, dimensions, quantity, unit_price, volume_rate, package_size, transfer_id, occurred_at, created_at)
    SELECT ${scope.platformId}, ${scope.liveMode}, e.pk, ${scope.customerId}, 'default', t.asset, t.amount, ${pick("id")}, ${pick("code")}, ${pick("name")},
      1, 'prc_bench', CASE WHEN t.asset = 'CREDIT' THEN 'Image' WHEN t.n % 2 = 0 THEN 'Tokens' ELSE 'Video minute' END, '{}'::jsonb,
      CASE WHEN t.asset = 'USD' AND t.n % 2 = 0 THEN t.amount / 0.00001 ELSE 1 END,
      CASE WHEN t.asset = 'USD' AND t.n % 2 = 0 THEN NULL ELSE t.amount END,
      CASE WHEN t.asset = 'USD' AND t.n % 2 = 0 THEN 0.00001 ELSE NULL END, NULL,
      'txn_bench' || lpad(t.n::text, 21, '0'), t.at, t.at
    FROM bench_t t JOIN events e ON e.platform_id = ${scope.platformId} AND e.live_mode = ${scope.liveMode} AND e.id = 'bench-' || t.n
    WHERE t.category = 'usage_fee' ORDER BY t.n`);
  await db.execute(sql`
    INSERT INTO spend_rollups (platform_id, live_mode, customer_id, account_name, asset_code, product_id, product_name, bucket_start, amount, fees)
    SELECT platform_id, live_mode, customer_id, account_name, asset_code, product_id, max(product_name),
      date_bin('15 minutes', occurred_at, TIMESTAMPTZ '2000-01-01 00:00:00+00') AS slot, sum(amount), count(*)
    FROM event_fees WHERE customer_id = ${scope.customerId} GROUP BY 1, 2, 3, 4, 5, 6, slot`);
}
