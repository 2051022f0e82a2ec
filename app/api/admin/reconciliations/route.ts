import { errorResponse } from "@/lib/api/handler";
import { readJsonBody, validate } from "@/lib/api/parse";
import { BODY_LIMITS } from "@/lib/api/read-body";
import { json } from "@/lib/api/respond";
import { isAdminRequest } from "@/lib/admin/admin-auth";
import { reconcileSchema } from "@/lib/admin/schemas";
import { getDb } from "@/lib/db";
import { reconcileStripe } from "@/lib/payments/reconcile/reconcile";
import { reportJson } from "@/lib/payments/reconcile/report";

// POST /api/admin/reconciliations – operator only: compare Stripe with the ledger now, repair lost webhooks, report the rest
export async function POST(req: Request): Promise<Response> {
  if (!isAdminRequest(req)) return new Response(null, { status: 404 });
  try {
    const input = validate(reconcileSchema, await readJsonBody(req, BODY_LIMITS.admin));
    return json(reportJson(await reconcileStripe(await getDb(), input)));
  } catch (error) {
    return errorResponse(error, "/api/admin/reconciliations");
  }
}
