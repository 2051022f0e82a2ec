import { JsonNumber } from "@/lib/kernel/json";
import type { DimensionalRate } from "./types";

const WILDCARD = "*";

/** An event's value for one dimension as text: strings as sent, numbers as written, booleans as true/false. */
export function dimensionValue(raw: unknown): string | null {
  if (typeof raw === "string") return raw;
  if (raw instanceof JsonNumber) return raw.text;
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  if (typeof raw === "boolean") return raw ? "true" : "false";
  return null;
}

/** The event's values for the billable dimensions; dimensions it does not carry are left out. */
export function eventDimensions(data: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = Object.hasOwn(data, key) ? dimensionValue(data[key]) : null;
    if (value !== null) out[key] = value;
  }
  return out;
}

/** How many dimensions an entry pins to an exact value ("*" and left-out dimensions pin nothing). */
function exactCount(dimensions: Readonly<Record<string, string>>): number {
  let n = 0;
  for (const value of Object.values(dimensions)) if (value !== WILDCARD) n++;
  return n;
}

function matches(entry: DimensionalRate, values: Readonly<Record<string, string>>): boolean {
  for (const [key, wanted] of Object.entries(entry.dimensions)) {
    if (wanted !== WILDCARD && values[key] !== wanted) return false;
  }
  return true;
}

/**
 * The most specific entry matching the event: the one pinning the most dimensions exactly, so "*"
 * is only a fallback. Catalog validation guarantees there is never a tie between two entries.
 */
export function bestMatch(entries: readonly DimensionalRate[], values: Readonly<Record<string, string>>): DimensionalRate | null {
  let best: DimensionalRate | null = null;
  let bestScore = -1;
  for (const entry of entries) {
    if (!matches(entry, values)) continue;
    const score = exactCount(entry.dimensions);
    if (score > bestScore) {
      best = entry;
      bestScore = score;
    }
  }
  return best;
}

function exactKey(dimensions: Readonly<Record<string, string>>): string {
  return JSON.stringify(Object.entries(dimensions).filter(([, v]) => v !== WILDCARD).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function compatible(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(a)) {
    const w = b[k];
    if (v !== WILDCARD && w !== undefined && w !== WILDCARD && w !== v) return false;
  }
  return true;
}

function exactUnion(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of [a, b]) for (const [k, v] of Object.entries(d)) if (v !== WILDCARD) out[k] = v;
  return out;
}

/**
 * Problems that would make "the most specific match" ambiguous: the same dimensions twice, or two
 * equally specific entries that one event could match without a more specific entry covering both.
 * Returns [index, message] pairs for the offending entries; `index` (default: the position) names them.
 */
export function ambiguities(entries: readonly { dimensions: Record<string, string>; index?: number }[]): [number, string][] {
  const keys = entries.map((e) => exactKey(e.dimensions));
  const label = (k: number) => entries[k]!.index ?? k;
  const present = new Set(keys);
  const problems: [number, string][] = [];
  for (let j = 0; j < entries.length; j++) {
    for (let i = 0; i < j; i++) {
      if (keys[i] === keys[j]) {
        problems.push([label(j), `Same dimensions as values[${label(i)}].`]);
        continue;
      }
      const a = entries[i]!.dimensions;
      const b = entries[j]!.dimensions;
      if (exactCount(a) !== exactCount(b) || !compatible(a, b)) continue;
      const union = exactUnion(a, b);
      if (!present.has(exactKey(union))) {
        const both = JSON.stringify(union);
        problems.push([label(j), `Ambiguous with values[${label(i)}]: an event with ${both} matches both equally; add an entry for ${both}.`]);
      }
    }
  }
  return problems;
}
