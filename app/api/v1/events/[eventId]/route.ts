import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { getEventOrThrow } from "@/lib/events/event-store";
import { serializeEvent } from "@/lib/events/serialize-event";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /events/:eventId – one event by the platform's id, with its fees and costs
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeEvent(await getEventOrThrow(db, scope, params.eventId!)));
  }),
});
