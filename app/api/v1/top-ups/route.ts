import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { page } from "@/lib/kernel/fields/pagination";
import { json } from "@/lib/http/respond";
import { createApiTopUp } from "@/lib/domain/payments/top-ups/create-api-top-up";
import { listTopUps } from "@/lib/domain/payments/top-ups/list";
import { createTopUpSchema, listTopUpsQuerySchema } from "@/lib/domain/payments/top-ups/schema";
import { serializeTopUp } from "@/lib/domain/payments/top-ups/serialize";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /top-ups – start a top-up; redirect_url signs the customer in and lands them on Checkout
  POST: apiRoute({ body: createTopUpSchema }, async ({ req, db, scope, body }) => {
    const { topUp, redirectUrl, replayed } = await createApiTopUp(db, scope, body, req.headers.get("idempotency-key"));
    const view = serializeTopUp(topUp);
    return json(
      { id: view.id, status: view.status, redirect_url: redirectUrl, created_at: view.created_at, expires_at: view.expires_at },
      201,
      replayed ? { "idempotent-replayed": "true" } : {},
    );
  }),

  // GET /top-ups?customer_id= – the platform's top-ups, newest first
  GET: apiRoute({ query: listTopUpsQuerySchema }, async ({ db, scope, query }) => {
    const { items, total } = await listTopUps(db, scope, { customerId: query.customer_id, limit: query.limit, offset: query.offset });
    return json(page(items.map((t) => serializeTopUp(t)), total, query.limit, query.offset));
  }),
});
