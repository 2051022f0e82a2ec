import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getTopUpOrThrow } from "@/lib/domain/payments/top-ups/store";
import { serializeTopUp } from "@/lib/domain/payments/top-ups/serialize";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /top-ups/:topUpId – one top-up with its status, what it credited and its receipt
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeTopUp(await getTopUpOrThrow(db, scope, params.topUpId!)));
  }),
});
