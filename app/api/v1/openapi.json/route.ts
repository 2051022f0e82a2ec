import { apiRoutes } from "@/lib/http/route-methods";
import { env } from "@/lib/kernel/env";
import { buildOpenApiDocument } from "@/lib/http/openapi/document";

let cached: string | undefined;

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /openapi.json – the OpenAPI 3.1 document of this API, generated from the request schemas; no key needed
  GET: async () => {
    cached ??= JSON.stringify(buildOpenApiDocument(`${env().PORTAL_URL.replace(/\/$/, "")}/api/v1`));
    return new Response(cached, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "public, max-age=300" } });
  },
});
