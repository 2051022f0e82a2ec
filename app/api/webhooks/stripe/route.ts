import { errorResponse } from "@/lib/http/route-kit";
import { BODY_LIMITS, readBodyText } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";
import { getDb } from "@/lib/kernel/db";
import { faultPoint } from "@/lib/kernel/faults";
import { receiveStripeWebhook } from "@/lib/domain/payments/inbound-webhooks/receive-stripe";

// POST /api/webhooks/stripe – verify a Stripe event on its raw body, store it once, apply it
export async function POST(req: Request): Promise<Response> {
  try {
    const payload = await readBodyText(req, BODY_LIMITS.stripeWebhook);
    const answer = await receiveStripeWebhook(await getDb(), payload, req.headers.get("stripe-signature"));
    // Applied but never acknowledged: Stripe redelivers, which must credit nothing more.
    faultPoint("after-commit-before-response");
    return json(answer);
  } catch (error) {
    return errorResponse(error, "/api/webhooks/stripe");
  }
}
