import { ratePrice } from "./rate-price";
import type { EventRating, ProductFee, RatedProduct, RatingEvent } from "./types";

/**
 * Prices one event against every product version the customer subscribes to. Every price on the
 * event's type contributes its fees (input and output tokens are two prices); if any of them cannot
 * be computed the whole event is a rating error and nothing is billed, never a partial charge.
 */
export function rateEvent(products: readonly RatedProduct[], event: RatingEvent): EventRating {
  if (products.length === 0) {
    return { status: "unbilled", code: "no_subscription", reason: "The customer has no active subscription." };
  }
  const fees: ProductFee[] = [];
  const misses: string[] = [];
  let candidates = 0;
  for (const product of products) {
    for (const price of product.pricesByEventType.get(event.eventType) ?? []) {
      candidates++;
      const outcome = ratePrice(price, event);
      if (outcome.kind === "error") return { status: "rating_error", reason: `${product.code}: ${outcome.reason}` };
      if (outcome.kind === "no_match") {
        misses.push(`${product.code}: ${outcome.reason}`);
        continue;
      }
      const ref = { id: product.id, code: product.code, name: product.name, version: product.version };
      for (const fee of outcome.fees) fees.push({ ...fee, product: ref });
    }
  }
  if (candidates === 0) {
    return { status: "unbilled", code: "no_price", reason: `No subscribed product prices event type '${event.eventType}'.` };
  }
  if (fees.length === 0) return { status: "unbilled", code: "no_dimension_match", reason: misses.join(" ") };
  return { status: "billed", fees };
}
