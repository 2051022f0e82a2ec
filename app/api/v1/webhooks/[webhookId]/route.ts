import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { now } from "@/lib/kernel/clock";
import { disableDestination, getDestinationOrThrow, serializeDestination } from "@/lib/domain/outbound-webhooks/destinations";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /webhooks/:webhookId – one destination, with its secret
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeDestination(await getDestinationOrThrow(db, scope, params.webhookId!), true));
  }),

  // DELETE /webhooks/:webhookId – stop sending events to this destination
  DELETE: apiRoute({}, async ({ db, scope, params }) => {
    await disableDestination(db, scope, params.webhookId!, now());
    return new Response(null, { status: 204 });
  }),
});
