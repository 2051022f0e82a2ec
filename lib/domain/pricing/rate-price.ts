import type { Decimal } from "@/lib/kernel/money";
import { bestMatch, eventDimensions } from "./dimensions";
import { feeAmount, readVolume } from "./fee-math";
import type { Fee, PriceOutcome, Rate, RatingEvent, UsagePrice } from "./types";

function describe(values: Record<string, string>, keys: readonly string[]): string {
  const parts = keys.map((k) => `${k}=${values[k] === undefined ? "(missing)" : JSON.stringify(values[k])}`);
  return parts.join(", ");
}

/**
 * Prices one event against one usage price: a fee per asset whose pricing matches. A price whose
 * volume cannot be read is an error (the event is recorded, not billed); no matching dimensional
 * value is a no-match. Pure: no I/O, exact decimals.
 */
export function ratePrice(price: UsagePrice, event: RatingEvent): PriceOutcome {
  let volume: Decimal | null = null;
  if (price.usageType !== "unit") {
    const read = readVolume(event.data, price.volumeField!);
    if (!read.ok) return { kind: "error", reason: `${price.name}: ${read.reason}` };
    volume = read.value;
  }
  const dims = eventDimensions(event.data, price.billableDimensions);
  const fees: Fee[] = [];
  const misses: string[] = [];
  for (const pricing of price.pricing) {
    let rate: Rate;
    let valueName: string | null;
    if ("flat" in pricing) {
      rate = pricing.flat;
      valueName = rate.name;
    } else {
      const entry = bestMatch(pricing.dimensional, dims);
      if (!entry) {
        misses.push(`${price.name}: no ${pricing.asset} value matches ${describe(dims, price.billableDimensions)}.`);
        continue;
      }
      rate = entry.rate;
      valueName = entry.rate.name ?? entry.name;
    }
    const computed = feeAmount(price.usageType, rate, volume);
    if (!computed.ok) return { kind: "error", reason: `${price.name}: ${computed.reason}` };
    fees.push({
      priceId: price.id,
      priceName: valueName ?? price.name,
      asset: pricing.asset,
      amount: computed.amount,
      quantity: computed.quantity,
      unitPrice: price.usageType === "volume" ? null : rate.unitPrice,
      volumeRate: price.usageType === "unit" ? null : rate.volumeRate,
      packageSize: price.usageType === "unit" || !rate.volumeRate ? null : rate.packageSize,
      dimensions: dims,
    });
  }
  if (fees.length === 0) return { kind: "no_match", reason: misses.join(" ") };
  return { kind: "fees", fees };
}
