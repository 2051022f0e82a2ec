import { z } from "zod";
import { ERROR_TABLE } from "@/lib/http/error-table";
import { MAX_ID_LENGTH } from "@/lib/kernel/fields/fields";
import type { Operation } from "./operation";
import { accountOperations } from "./operations/accounts";
import { billingOperations } from "@/lib/http/openapi/operations/billing";
import { guardrailOperations } from "@/lib/http/openapi/operations/guardrails";
import { grantOperations } from "@/lib/http/openapi/operations/grants";
import { invoiceOperations } from "@/lib/http/openapi/operations/invoices";
import { paymentOperations } from "@/lib/http/openapi/operations/payments";
import { platformOperations } from "@/lib/http/openapi/operations/platform";
import { settingsOperations } from "@/lib/http/openapi/operations/settings";
import { problemSchema, validationProblemSchema } from "@/lib/http/openapi/responses/common";

export const OPERATIONS: readonly Operation[] = [...platformOperations, ...billingOperations, ...paymentOperations, ...settingsOperations, ...grantOperations, ...accountOperations, ...invoiceOperations, ...guardrailOperations];

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (what OpenAPI 3.1 uses) for a zod schema, as a request sees it or as a response has it. */
function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

const problem = (description: string, ref = "ProblemDetails") => ({
  description,
  content: { "application/problem+json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});

const ACCOUNT_HEADER_PARAMETER = {
  name: "X-CREDYT-ACCOUNT",
  in: "header",
  required: false,
  description: "Act inside one of your connected accounts (acc_…); an account that is not yours, or not in the key's mode, is a 404.",
  schema: { type: "string" },
};

function parameters(op: Operation) {
  const segment = { type: "string", minLength: 1, maxLength: MAX_ID_LENGTH };
  const path = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: "path", required: true, schema: segment }));
  if (!op.query) return [...path, ...(op.public ? [] : [ACCOUNT_HEADER_PARAMETER])];
  const query = jsonSchema(op.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  const fromQuery = Object.entries(query.properties ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: query.required?.includes(name) ?? false,
    schema,
  }));
  return [...path, ...fromQuery, ...(op.public ? [] : [ACCOUNT_HEADER_PARAMETER])];
}


function responses(op: Operation) {
  const content = op.response.status === 204 ? {} : { content: { [op.response.contentType ?? "application/json"]: { schema: jsonSchema(op.response.schema, "output") } } };
  const success = { description: op.response.description, ...content };
  const out: Record<string, unknown> = { [op.response.status]: success };
  for (const alt of op.response.alternatives ?? []) out[alt.status] = { ...success, description: alt.description };
  if (op.body) {
    out[400] = problem(ERROR_TABLE.bad_request.title);
    out[413] = problem(ERROR_TABLE.payload_too_large.title);
  }
  if (op.body || op.query) out[422] = problem(ERROR_TABLE.validation.title, "ValidationProblem");
  if (!op.public) out[401] = { description: "Missing or invalid API key (empty body)." };
  if (op.path.includes("{") || op.lookup) out[404] = problem("Unknown id, or an id that belongs to another platform or mode.");
  return out;
}

function operationObject(op: Operation) {
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.public ? { security: [] } : {}),
    parameters: parameters(op),
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } } : {}),
    responses: responses(op),
  };
}

/** The OpenAPI 3.1 document of the platform API, built from the same zod schemas the handlers validate with. */
export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) (paths[op.path] ??= {})[op.method] = operationObject(op);
  return {
    openapi: "3.1.0",
    info: {
      title: "Billfold platform API",
      version: "1.0.0",
      description: "Credyt-compatible prepaid-wallet and usage-billing API. Amounts are exact decimal JSON numbers in major units.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { apiKeyHeader: [] }, { credytApiKeyHeader: [] }],
    tags: [...new Set(OPERATIONS.map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "key_test_… or key_live_…" },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key" },
        credytApiKeyHeader: { type: "apiKey", in: "header", name: "X-CREDYT-API-KEY" },
      },
      schemas: { ProblemDetails: jsonSchema(problemSchema, "output"), ValidationProblem: jsonSchema(validationProblemSchema, "output") },
    },
  };
}
