import type { z } from "zod";
import type { Decimal } from "@/lib/kernel/money";
import { ambiguities } from "@/lib/domain/pricing";

type Path = (string | number)[];

interface RateLike {
  unit_price?: Decimal;
  volume_rate?: Decimal;
  package_size?: Decimal;
}

interface ValueLike extends RateLike {
  dimensions?: Record<string, string>;
  values?: RateLike[];
}

interface PriceLike {
  type: "usage_based" | "fixed";
  billing_model: { type: string; recurring?: unknown };
  usage_calculation?: { usage_type: string; volume_field?: string | null; billable_dimensions?: string[] };
  pricing: { asset: string; values: ValueLike[] }[];
}

type Issue = (path: Path, message: string) => void;

function checkRate(usageType: string, rate: RateLike, path: Path, issue: Issue): void {
  const has = (k: keyof RateLike) => rate[k] !== undefined;
  if (usageType === "unit") {
    if (!has("unit_price")) issue([...path, "unit_price"], "Unit prices need a unit_price.");
    if (has("volume_rate") || has("package_size")) issue([...path, "volume_rate"], "volume_rate and package_size need usage_type volume or unit_and_volume.");
  } else if (usageType === "volume") {
    if (!has("volume_rate")) issue([...path, "volume_rate"], "Volume prices need a volume_rate.");
    if (has("unit_price")) issue([...path, "unit_price"], "unit_price needs usage_type unit or unit_and_volume.");
  } else {
    if (!has("unit_price") && !has("volume_rate")) issue([...path, "unit_price"], "Give a unit_price, a volume_rate or both.");
    if (has("package_size") && !has("volume_rate")) issue([...path, "package_size"], "package_size applies to a volume_rate.");
  }
}

function checkDimensional(values: ValueLike[], dims: string[], usageType: string, path: Path, issue: Issue): void {
  const malformed = new Set<number>();
  values.forEach((v, i) => {
    const fail: Issue = (p, message) => {
      malformed.add(i);
      issue(p, message);
    };
    const at = [...path, i];
    if (!v.dimensions) return fail([...at, "dimensions"], "Dimensional pricing: every value needs dimensions (\"*\" for a default).");
    const keys = Object.keys(v.dimensions);
    if (keys.length === 0) fail([...at, "dimensions"], "Name at least one dimension (\"*\" matches any value).");
    for (const k of keys) if (!dims.includes(k)) fail([...at, "dimensions", k], `'${k}' is not in usage_calculation.billable_dimensions.`);
    if (v.unit_price !== undefined || v.volume_rate !== undefined || v.package_size !== undefined) {
      issue([...at, "unit_price"], "A dimensional value puts its rate in values[].");
    }
    if (!v.values || v.values.length !== 1) return issue([...at, "values"], "Exactly one value per dimensional entry.");
    checkRate(usageType, v.values[0]!, [...at, "values", 0], issue);
  });
  // Ambiguity only means something among entries whose dimensions are valid.
  const valid = values.flatMap((v, index) => (malformed.has(index) ? [] : [{ index, dimensions: v.dimensions! }]));
  for (const [i, message] of ambiguities(valid)) issue([...path, i, "dimensions"], message);
}

function checkUsagePricing(price: PriceLike, issue: Issue): void {
  const calc = price.usage_calculation!;
  const dims = calc.billable_dimensions ?? [];
  price.pricing.forEach((p, i) => {
    const path: Path = ["pricing", i, "values"];
    if (p.values.some((v) => v.dimensions || v.values)) {
      if (dims.length === 0) issue([...path], "Dimensional values need usage_calculation.billable_dimensions.");
      else checkDimensional(p.values, dims, calc.usage_type, path, issue);
      return;
    }
    if (dims.length > 0) return issue(path, "billable_dimensions are declared: give each value dimensions (\"*\" for a default).");
    if (p.values.length !== 1) return issue(path, "A flat pricing has exactly one value; use dimensions to price by attribute.");
    checkRate(calc.usage_type, p.values[0]!, [...path, 0], issue);
  });
}

function checkUsagePrice(price: PriceLike, issue: Issue): void {
  if (price.billing_model.type !== "real_time") issue(["billing_model", "type"], "Usage-based prices are billed in real time: use \"real_time\".");
  if (price.billing_model.recurring !== undefined) issue(["billing_model", "recurring"], "Only recurring billing models take a schedule.");
  const calc = price.usage_calculation;
  if (!calc) return issue(["usage_calculation"], "Required for usage_based prices.");
  const needsVolume = calc.usage_type !== "unit";
  if (needsVolume && !calc.volume_field) issue(["usage_calculation", "volume_field"], `Required for usage_type ${calc.usage_type}.`);
  if (!needsVolume && calc.volume_field) issue(["usage_calculation", "volume_field"], "Unit prices count events; use usage_type volume to price a quantity.");
  const dims = calc.billable_dimensions ?? [];
  if (new Set(dims).size !== dims.length) issue(["usage_calculation", "billable_dimensions"], "Each dimension once.");
  checkUsagePricing(price, issue);
}

function checkFixedPrice(price: PriceLike, issue: Issue): void {
  if (price.billing_model.type !== "recurring") issue(["billing_model", "type"], "Fixed prices recur: use \"recurring\".");
  else if (price.billing_model.recurring === undefined) issue(["billing_model", "recurring"], "Give the interval, e.g. {\"interval\": \"month\"}.");
  if (price.usage_calculation) issue(["usage_calculation"], "Fixed prices do not measure usage.");
  price.pricing.forEach((p, i) => {
    const [value, ...rest] = p.values;
    if (rest.length > 0 || !value || value.dimensions || value.values) return issue(["pricing", i, "values"], "A fixed price has exactly one value with a unit_price.");
    if (value.unit_price === undefined) issue(["pricing", i, "values", 0, "unit_price"], "Required for fixed prices.");
    if (value.volume_rate !== undefined || value.package_size !== undefined) issue(["pricing", i, "values", 0, "volume_rate"], "Fixed prices have a unit_price only.");
  });
}

/** Cross-field rules of a price that zod's shapes cannot say; every problem is reported at its field. */
export function checkPrice(price: PriceLike, ctx: z.RefinementCtx): void {
  const issue: Issue = (path, message) => ctx.addIssue({ code: "custom", path, message });
  const assets = price.pricing.map((p) => p.asset);
  assets.forEach((a, i) => {
    if (assets.indexOf(a) !== i) issue(["pricing", i, "asset"], `${a} is priced twice in this price.`);
  });
  if (price.type === "usage_based") checkUsagePrice(price, issue);
  else checkFixedPrice(price, issue);
}
