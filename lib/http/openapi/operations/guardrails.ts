import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { createHoldSchema, putBudgetSchema } from "@/lib/domain/guardrails/schemas";
import type { Operation } from "@/lib/http/openapi/operation";
import { pageOf } from "@/lib/http/openapi/responses/common";
import { budgetResponse, holdResponse } from "@/lib/http/openapi/responses/guardrails";

const holds = "/customers/{customerId}/wallet/holds";

/** Budgets and holds (docs/guardrails.md). */
export const guardrailOperations: Operation[] = [
  {
    method: "post", path: holds, operationId: "Holds_create", tag: "Guardrails",
    summary: "Reserve funds before expensive work (Billfold extension; Idempotency-Key honoured)",
    description: "Refused with 409 and code insufficient_funds (the platform allows no overdraft for the asset) or budget_exceeded (a hard stop). A usage event with hold_id settles it. A retry with the same Idempotency-Key returns the same hold (header Idempotent-Replayed: true); the key with a different request is refused.",
    body: createHoldSchema, response: { status: 201, description: "Created", schema: holdResponse },
  },
  { method: "get", path: holds, operationId: "Holds_list", tag: "Guardrails", summary: "The customer's holds, newest first", query: pageQuerySchema, response: { status: 200, description: "OK", schema: pageOf(holdResponse) } },
  { method: "get", path: `${holds}/{holdId}`, operationId: "Holds_get", tag: "Guardrails", summary: "One hold and its outcome", response: { status: 200, description: "OK", schema: holdResponse } },
  {
    method: "delete", path: `${holds}/{holdId}`, operationId: "Holds_release", tag: "Guardrails",
    summary: "Release a hold's reserved funds (a hold already ended is returned as it is)", response: { status: 200, description: "OK", schema: holdResponse },
  },
  {
    method: "get", path: "/customers/{customerId}/wallet/{accountId}/budget", operationId: "Budgets_get", tag: "Guardrails",
    summary: "A wallet account's budget with this period's spend and holds (Billfold extension)", response: { status: 200, description: "OK", schema: budgetResponse },
  },
  {
    method: "put", path: "/customers/{customerId}/wallet/{accountId}/budget", operationId: "Budgets_put", tag: "Guardrails",
    summary: "Set a wallet account's budget; limit null removes it", body: putBudgetSchema, response: { status: 200, description: "OK", schema: budgetResponse },
  },
];
