import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { getTopUpOrThrow } from "@/lib/payments/top-ups/store";
import { serializeTopUp } from "@/lib/payments/top-ups/serialize";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /top-ups/:topUpId – one top-up with its status, what it credited and its receipt
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeTopUp(await getTopUpOrThrow(db, scope, params.topUpId!)));
  }),
});
