import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { simulateUsage } from "@/lib/catalog/simulate-usage";
import { simulateUsageSchema } from "@/lib/events/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /products/:productId/simulate – simulate-usage on the default version (the path Credyt's guide uses)
  POST: apiRoute({ body: simulateUsageSchema }, async ({ db, scope, params, body }) => {
    return json(await simulateUsage(db, scope, params.productId!, "default", body.events));
  }),
});
