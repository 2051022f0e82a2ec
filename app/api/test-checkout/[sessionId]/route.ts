import { errorResponse } from "@/lib/http/route-kit";
import { parsePathParams, readJsonBody, validate } from "@/lib/http/parse";
import { BODY_LIMITS } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { getDb } from "@/lib/kernel/db";
import { AppError } from "@/lib/kernel/errors";
import { csrfProblem } from "@/lib/http/csrf";
import { withReadPrimary } from "@/lib/domain/portal-sessions/read-primary";
import { payTestCheckout } from "@/lib/domain/payments/inbound-webhooks/pay-test-checkout";
import { testPaymentSchema } from "@/lib/domain/payments/test-provider/schema";

// POST /api/test-checkout/:sessionId – pay or save a card on the TEST MODE checkout page (test mode only)
export async function POST(req: Request, context: { params: Promise<{ sessionId: string }> }): Promise<Response> {
  try {
    const problem = csrfProblem(req);
    if (problem) throw new AppError("forbidden", problem);
    const sessionId = parsePathParams(await context.params).sessionId!;
    const body = validate(testPaymentSchema, await readJsonBody(req, BODY_LIMITS.portal));
    return withReadPrimary(json(await payTestCheckout(await getDb(), sessionId, body)));
  } catch (error) {
    return errorResponse(error, "/api/test-checkout");
  }
}
