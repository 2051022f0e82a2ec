import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getEventOrThrow } from "@/lib/workflows/events/event-store";
import { serializeEvent } from "@/lib/workflows/events/serialize-event";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /events/:eventId – one event by the platform's id, with its fees and costs
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeEvent(await getEventOrThrow(db, scope, params.eventId!)));
  }),
});
