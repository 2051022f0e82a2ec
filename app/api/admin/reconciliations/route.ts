import { errorResponse } from "@/lib/http/route-kit";
import { readJsonBody, validate } from "@/lib/http/parse";
import { BODY_LIMITS } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { isAdminRequest } from "@/lib/http/admin/admin-auth";
import { reconcileSchema } from "@/lib/http/admin/schemas";
import { getDb } from "@/lib/kernel/db";
import { reconcileStripe } from "@/lib/domain/payments/reconcile/reconcile";
import { reportJson } from "@/lib/domain/payments/reconcile/report";

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
