import path from "node:path";
import { describe, expect, it } from "vitest";
import { implementedMethods, routeFiles } from "@/lib/testing/route-table";
import { buildOpenApiDocument, OPERATIONS } from "./document";

/** Every (method, path) a route file under app/api/v1 implements, in OpenAPI path syntax. */
async function implementedOperations(): Promise<string[]> {
  const root = path.join(process.cwd(), "app", "api", "v1");
  const out: string[] = [];
  for (const route of routeFiles(root)) {
    if (route.pattern.includes("[...")) continue;
    const apiPath = route.pattern.replace(/^\/api\/v1/, "").replace(/\[(\w+)\]/g, "{$1}");
    for (const method of await implementedMethods(route.file)) out.push(`${method.toLowerCase()} ${apiPath}`);
  }
  return out.sort();
}

describe("OpenAPI document", () => {
  const doc = buildOpenApiDocument("http://portal.test/api/v1");

  it("describes every /api/v1 route and method, and nothing that does not exist", async () => {
    const implemented = await implementedOperations();
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).sort();
    expect(implemented.length).toBeGreaterThan(25);
    expect(documented).toEqual(implemented);
  });

  it("is OpenAPI 3.1 with unique operation ids, JSON Schema bodies and exact number fields", () => {
    expect(doc.openapi).toBe("3.1.0");
    const ids = OPERATIONS.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const ingest = doc.paths["/events"]!.post as { requestBody: { content: { "application/json": { schema: any } } }; responses: Record<string, unknown> };
    const body = ingest.requestBody.content["application/json"].schema;
    expect(body.properties.events.maxItems).toBe(1000);
    expect(body.properties.events.items.properties.costs.items.properties.amount).toEqual({ type: "number", minimum: 0, exclusiveMaximum: 1e15 });
    expect(body.properties.events.items.additionalProperties).toBe(false);
    expect(Object.keys(ingest.responses).sort()).toEqual(["200", "201", "400", "401", "413", "422"]);
    const adjustment = doc.paths["/customers/{customerId}/wallet/adjustments"]!.post as { parameters: { name: string; in: string }[] };
    expect(adjustment.parameters).toEqual([
      { name: "customerId", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 255 } },
      expect.objectContaining({ name: "X-CREDYT-ACCOUNT", in: "header", required: false }),
    ]);
    const list = doc.paths["/events"]!.get as { parameters: { name: string; in: string }[] };
    expect(list.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["query:limit", "query:offset", "query:customer_id", "header:X-CREDYT-ACCOUNT"]);
    expect((doc.paths["/openapi.json"]!.get as { security: unknown[] }).security).toEqual([]);
  });
});
