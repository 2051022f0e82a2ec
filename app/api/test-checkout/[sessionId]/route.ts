import { errorResponse } from "@/lib/api/handler";
import { parsePathParams, readJsonBody, validate } from "@/lib/api/parse";
import { BODY_LIMITS } from "@/lib/api/read-body";
import { json } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { csrfProblem } from "@/lib/portal/csrf";
import { withReadPrimary } from "@/lib/portal/read-primary";
import { payTestCheckout } from "@/lib/payments/test-provider/pay-checkout";
import { testPaymentSchema } from "@/lib/payments/test-provider/schema";

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
