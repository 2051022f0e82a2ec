import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { simulateUsage } from "@/lib/catalog/simulate-usage";
import { simulateUsageSchema } from "@/lib/events/schemas";

// POST /products/:productId/:version/simulate-usage – the fees events would incur on this version; writes nothing
export const POST = apiRoute({ body: simulateUsageSchema }, async ({ db, scope, params, body }) => {
  return json(await simulateUsage(db, scope, params.productId!, params.version!, body.events));
});
