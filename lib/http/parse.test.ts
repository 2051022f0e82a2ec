import { z } from "zod";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/kernel/errors";
import { parseQuery, readJsonBody, validate } from "./parse";

// Regressions found by test/trust/schema-fuzz.test.ts: both used to answer 500.
describe("request parsing", () => {
  it("reports a field named __proto__ or constructor as an unknown field", () => {
    const schema = z.strictObject({ name: z.string() });
    const body = JSON.parse('{"__proto__":{"admin":true},"constructor":1,"name":"x"}');
    try {
      validate(schema, body);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(JSON.stringify((error as ValidationError).errors)).toBe('{"__proto__":["Unknown field."],"constructor":["Unknown field."]}');
    }
  });

  it("refuses a NUL character in a body string or key, and in a query value, as invalid input", async () => {
    const req = (text: string) => new Request("http://x.test", { method: "POST", body: text });
    await expect(readJsonBody(req('{"name":"a\\u0000b"}'))).rejects.toMatchObject({ errors: { name: ["Must not contain the NUL character."] } });
    await expect(readJsonBody(req('{"items":[{"k\\u0000":1}]}'))).rejects.toMatchObject({ errors: { "items[0].k\u0000": ["Must not contain the NUL character."] } });
    expect(() => parseQuery(new URL("http://x.test/?q=a%00"), z.object({ q: z.string() }))).toThrow(ValidationError);
    await expect(readJsonBody(req('{"name":"a\\u0001b"}'))).resolves.toEqual({ name: "a\u0001b" });
  });
});
