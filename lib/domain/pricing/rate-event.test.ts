import { describe, expect, test } from "vitest";
import { JsonNumber } from "@/lib/kernel/json";
import { dec } from "@/lib/kernel/money";
import { rateEvent } from "./rate-event";
import type { RatedProduct, UsagePrice } from "./types";

const n = (text: string) => new JsonNumber(text);

function tokens(id: string, field: string, volumeRate: string): UsagePrice {
  return {
    id,
    name: `${field} price`,
    eventType: "response_completed",
    usageType: "volume",
    volumeField: field,
    billableDimensions: [],
    pricing: [{ asset: "USD", flat: { name: null, unitPrice: null, volumeRate: dec(volumeRate), packageSize: dec("1000000") } }],
  };
}

function product(code: string, version: number, prices: UsagePrice[]): RatedProduct {
  const byType = new Map<string, UsagePrice[]>();
  for (const p of prices) byType.set(p.eventType, [...(byType.get(p.eventType) ?? []), p]);
  return { id: `prp_${code}`, code, name: code.toUpperCase(), version, pricesByEventType: byType };
}

const openai = product("openai", 1, [tokens("prc_in", "input_tokens", "1.25"), tokens("prc_out", "output_tokens", "10")]);

describe("rateEvent", () => {
  test("two prices on one event type each contribute a fee", () => {
    const rating = rateEvent([openai], { eventType: "response_completed", data: { input_tokens: n("1000000"), output_tokens: n("500000") } });
    expect(rating.status).toBe("billed");
    if (rating.status !== "billed") return;
    expect(rating.fees.map((f) => [f.priceId, f.amount.toString(), f.product.code, f.product.version])).toEqual([
      ["prc_in", "1.25", "openai", 1],
      ["prc_out", "5", "openai", 1],
    ]);
  });

  test("products priced on the same event type both bill", () => {
    const other = product("other", 3, [tokens("prc_x", "input_tokens", "2")]);
    const rating = rateEvent([openai, other], { eventType: "response_completed", data: { input_tokens: n("1000000"), output_tokens: n("0") } });
    expect(rating.status === "billed" && rating.fees.map((f) => f.product.code)).toEqual(["openai", "openai", "other"]);
  });

  test.each<[string, RatedProduct[], Record<string, unknown>, string, string]>([
    ["no subscription", [], {}, "unbilled", "The customer has no active subscription."],
    ["no price on the event type", [product("video", 1, [])], {}, "unbilled", "No subscribed product prices event type 'response_completed'."],
    ["one price cannot be computed: nothing is billed", [openai], { input_tokens: n("10") }, "rating_error", "openai: output_tokens price: data.output_tokens is missing."],
  ])("%s", (_label, products, data, status, reason) => {
    const rating = rateEvent(products, { eventType: "response_completed", data });
    expect(rating.status).toBe(status);
    expect("reason" in rating && rating.reason).toBe(reason);
  });
});
