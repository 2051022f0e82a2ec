// Assertions of the guide check: small, dependency-free (it runs from the CLI, Vitest and Playwright), and
// each names the field and what it got, so a failure reads as "what the guide promised vs what came back".
import { isDeepStrictEqual } from "node:util";

export class GuideCheckFailure extends Error {}

export interface GuideResponse {
  status: number;
  /** The Location header of a redirect (redirects are never followed). */
  location: string | null;
  text: string;
  json: any;
}

/** A named test for a field whose exact value cannot be known in advance. */
export interface Matcher {
  describe: string;
  test: (value: unknown) => boolean;
}

export const matching = (pattern: RegExp): Matcher => ({ describe: `a string matching ${pattern}`, test: (v) => typeof v === "string" && pattern.test(v) });

export const isoTimeWithin = (fromMs: number, toMs: number): Matcher => ({
  describe: `a time between ${fromMs / 60_000} and ${toMs / 60_000} minutes from now`,
  test: (v) => typeof v === "string" && Date.parse(v) - Date.now() >= fromMs && Date.parse(v) - Date.now() <= toMs,
});

const isMatcher = (v: unknown): v is Matcher => typeof v === "object" && v !== null && "test" in v && "describe" in v;

const show = (v: unknown) => (v === undefined ? "nothing" : JSON.stringify(v));

/** The value at a path such as `items[0].fees[0].amount`. */
function at(value: unknown, path: string): unknown {
  let current = value;
  for (const part of path.split(/\.|(?=\[)/).filter(Boolean)) {
    if (current === null || typeof current !== "object") return undefined;
    const index = /^\[(\d+)\]$/.exec(part);
    current = index ? (current as unknown[])[Number(index[1])] : (current as Record<string, unknown>)[part];
  }
  return current;
}

export function expectStatus(res: GuideResponse, status: number): void {
  if (res.status !== status) throw new GuideCheckFailure(`expected HTTP ${status}, got ${res.status}`);
}

export function expectEmptyBody(res: GuideResponse): void {
  if (res.text !== "") throw new GuideCheckFailure(`expected an empty body, got ${JSON.stringify(res.text.slice(0, 200))}`);
}

/** Each path of `fields` must hold exactly the given value (deep equality) or satisfy the matcher. */
export function expectFields(value: unknown, fields: Record<string, unknown>): void {
  for (const [path, expected] of Object.entries(fields)) {
    const actual = at(value, path);
    const ok = isMatcher(expected) ? expected.test(actual) : isDeepStrictEqual(actual, expected);
    if (!ok) throw new GuideCheckFailure(`expected ${path} to be ${isMatcher(expected) ? expected.describe : show(expected)}, got ${show(actual)}`);
  }
}

/** The response's status, then its JSON body's fields. */
export function expectResponse(res: GuideResponse, status: number, fields: Record<string, unknown> = {}): void {
  expectStatus(res, status);
  expectFields(res.json, fields);
}

/** A string field of the body that later steps use (an id the server created). */
export function captured(res: GuideResponse, path: string): string {
  const value = at(res.json, path);
  if (typeof value !== "string" || value === "") throw new GuideCheckFailure(`expected ${path} to be a non-empty string, got ${show(value)}`);
  return value;
}
