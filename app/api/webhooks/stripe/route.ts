import { errorResponse } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { faultPoint } from "@/lib/faults";
import { receiveStripeWebhook } from "@/lib/payments/webhooks/receive-stripe";

const MAX_BYTES = 1_048_576;

// POST /api/webhooks/stripe – verify a Stripe event on its raw body, store it once, apply it
export async function POST(req: Request): Promise<Response> {
  try {
    const payload = await req.text();
    if (Buffer.byteLength(payload) > MAX_BYTES) throw new AppError("payload_too_large", "Webhook body too large.");
    const answer = await receiveStripeWebhook(await getDb(), payload, req.headers.get("stripe-signature"));
    // Applied but never acknowledged: Stripe redelivers, which must credit nothing more.
    faultPoint("after-commit-before-response");
    return json(answer);
  } catch (error) {
    return errorResponse(error, "/api/webhooks/stripe");
  }
}
