import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { getTopUpOrThrow } from "@/lib/payments/top-ups/store";
import { serializeTopUp } from "@/lib/payments/top-ups/serialize";

// GET /top-ups/:topUpId – one top-up with its status, what it credited and its receipt
export const GET = apiRoute({}, async ({ db, scope, params }) => {
  return json(serializeTopUp(await getTopUpOrThrow(db, scope, params.topUpId!)));
});
