import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { page } from "@/lib/kernel/fields/pagination";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { json } from "@/lib/http/respond";
import { createDestination, listDestinations, serializeDestination } from "@/lib/domain/outbound-webhooks/destinations";
import { createWebhookSchema } from "@/lib/domain/outbound-webhooks/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /webhooks – register a destination; the response carries its signing secret
  POST: apiRoute({ body: createWebhookSchema }, async ({ db, scope, body }) => {
    return json(serializeDestination(await createDestination(db, scope, body), true), 201);
  }),

  // GET /webhooks – the platform's active destinations
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, query }) => {
    const { rows, total } = await listDestinations(db, scope, query);
    return json(page(rows.map((r) => serializeDestination(r, false)), total, query.limit, query.offset));
  }),
});
