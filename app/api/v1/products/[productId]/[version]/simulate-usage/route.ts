import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { simulateUsage } from "@/lib/workflows/events/simulate-usage";
import { simulateUsageSchema } from "@/lib/workflows/events/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /products/:productId/:version/simulate-usage – the fees events would incur on this version; writes nothing
  POST: apiRoute({ body: simulateUsageSchema }, async ({ db, scope, params, body }) => {
    return json(await simulateUsage(db, scope, params.productId!, params.version!, body.events));
  }),
});
