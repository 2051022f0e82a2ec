import { describe, expect, test } from "vitest";
import { JsonNumber } from "@/lib/kernel/json";
import { dec } from "@/lib/kernel/money";
import { ratePrice } from "./rate-price";
import type { DimensionalRate, Rate, UsagePrice, UsageType } from "./types";

const n = (text: string) => new JsonNumber(text);

function rate(r: { name?: string; unit?: string; volume?: string; pkg?: string }): Rate {
  return {
    name: r.name ?? null,
    unitPrice: r.unit ? dec(r.unit) : null,
    volumeRate: r.volume ? dec(r.volume) : null,
    packageSize: r.pkg ? dec(r.pkg) : null,
  };
}

function dimensional(entries: [Record<string, string>, Parameters<typeof rate>[0], string?][]): DimensionalRate[] {
  return entries.map(([dimensions, r, name]) => ({ name: name ?? null, dimensions, rate: rate(r) }));
}

function price(usageType: UsageType, pricing: UsagePrice["pricing"], extra: Partial<UsagePrice> = {}): UsagePrice {
  return {
    id: "prc_1",
    name: "Token Usage",
    eventType: "message_completed",
    usageType,
    volumeField: usageType === "unit" ? null : "total_tokens",
    billableDimensions: [],
    pricing,
    ...extra,
  };
}

const models = price(
  "volume",
  [
    {
      asset: "USD",
      dimensional: dimensional([
        [{ model: "gpt-4" }, { volume: "0.03" }, "GPT-4 Tokens"],
        [{ model: "gpt-3.5" }, { volume: "0.001" }, "GPT-3.5 Tokens"],
      ]),
    },
  ],
  { billableDimensions: ["model"] },
);

const withFallback = price(
  "unit",
  [
    {
      asset: "USD",
      dimensional: dimensional([
        [{ model: "*" }, { unit: "0.03", name: "Glitchy (Default)" }],
        [{ model: "gli-1-0" }, { unit: "0.05", name: "Glitchy 1.0" }],
        [{ model: "gli-2-0" }, { unit: "0.10", name: "Glitchy 2.0" }],
      ]),
    },
  ],
  { billableDimensions: ["model"] },
);

const twoDimensions = price(
  "unit_and_volume",
  [
    {
      asset: "USD",
      dimensional: dimensional([
        [{ speed: "*", quality: "*" }, { volume: "0.4" }, "Default"],
        [{ speed: "fast" }, { volume: "1" }, "Fast"],
        [{ quality: "hd" }, { volume: "0.8" }, "HD"],
        [{ speed: "fast", quality: "hd" }, { unit: "1", volume: "2" }, "Fast HD"],
      ]),
    },
  ],
  { billableDimensions: ["speed", "quality"], volumeField: "minutes" },
);

describe("ratePrice picks the most specific value and computes exactly", () => {
  test.each<[string, UsagePrice, Record<string, unknown>, string, string, Record<string, string>]>([
    ["gpt-4 matches exactly", models, { model: "gpt-4", total_tokens: n("2000") }, "60", "GPT-4 Tokens", { model: "gpt-4" }],
    ["gpt-3.5 matches exactly", models, { model: "gpt-3.5", total_tokens: n("2000") }, "2", "GPT-3.5 Tokens", { model: "gpt-3.5" }],
    ["an exact value beats the earlier wildcard", withFallback, { model: "gli-1-0" }, "0.05", "Glitchy 1.0", { model: "gli-1-0" }],
    ["the wildcard catches an unknown model", withFallback, { model: "gli-2-1" }, "0.03", "Glitchy (Default)", { model: "gli-2-1" }],
    ["the wildcard catches a missing dimension", withFallback, {}, "0.03", "Glitchy (Default)", {}],
    ["numbers match their written form", withFallback, { model: n("2") }, "0.03", "Glitchy (Default)", { model: "2" }],
    ["two exact dimensions beat one", twoDimensions, { speed: "fast", quality: "hd", minutes: n("10") }, "21", "Fast HD", { speed: "fast", quality: "hd" }],
    ["one exact dimension beats none", twoDimensions, { speed: "fast", quality: "sd", minutes: n("10") }, "10", "Fast", { speed: "fast", quality: "sd" }],
    ["the other dimension alone", twoDimensions, { speed: "slow", quality: "hd", minutes: n("10") }, "8", "HD", { speed: "slow", quality: "hd" }],
    ["all wildcards last", twoDimensions, { speed: "slow", minutes: n("10") }, "4", "Default", { speed: "slow" }],
  ])("%s", (_label, p, data, amount, priceName, dimensions) => {
    const outcome = ratePrice(p, { eventType: p.eventType, data });
    expect(outcome.kind).toBe("fees");
    if (outcome.kind !== "fees") return;
    expect(outcome.fees).toHaveLength(1);
    expect(outcome.fees[0]!.amount.eq(dec(amount))).toBe(true);
    expect(outcome.fees[0]!.priceName).toBe(priceName);
    expect(outcome.fees[0]!.dimensions).toEqual(dimensions);
  });
});

describe("ratePrice outcomes without a fee", () => {
  test.each<[string, UsagePrice, Record<string, unknown>, "no_match" | "error", string]>([
    ["an unpriced model without a wildcard", models, { model: "claude", total_tokens: n("5") }, "no_match", 'Token Usage: no USD value matches model="claude".'],
    ["a missing dimension without a wildcard", models, { total_tokens: n("5") }, "no_match", "Token Usage: no USD value matches model=(missing)."],
    ["a missing volume field", models, { model: "gpt-4" }, "error", "Token Usage: data.total_tokens is missing."],
    ["a non-numeric volume field", models, { model: "gpt-4", total_tokens: "many" }, "error", "Token Usage: data.total_tokens must be a number."],
  ])("%s", (_label, p, data, kind, reason) => {
    expect(ratePrice(p, { eventType: p.eventType, data })).toEqual({ kind, reason });
  });
});

test("a price in two assets yields a fee per asset with the full context", () => {
  const p = price("volume", [
    { asset: "USD", flat: rate({ volume: "1.25", pkg: "1000000" }) },
    { asset: "CREDIT", flat: rate({ name: "Credits per 1K", volume: "1", pkg: "1000" }) },
  ]);
  const outcome = ratePrice(p, { eventType: p.eventType, data: { total_tokens: n("1000000") } });
  expect(outcome).toEqual({
    kind: "fees",
    fees: [
      { priceId: "prc_1", priceName: "Token Usage", asset: "USD", amount: dec("1.25"), quantity: dec("1000000"), unitPrice: null, volumeRate: dec("1.25"), packageSize: dec("1000000"), dimensions: {} },
      { priceId: "prc_1", priceName: "Credits per 1K", asset: "CREDIT", amount: dec("1000"), quantity: dec("1000000"), unitPrice: null, volumeRate: dec("1"), packageSize: dec("1000"), dimensions: {} },
    ],
  });
});
