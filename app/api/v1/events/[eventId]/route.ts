import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { getEventOrThrow } from "@/lib/events/event-store";
import { serializeEvent } from "@/lib/events/serialize-event";

// GET /events/:eventId – one event by the platform's id, with its fees and costs
export const GET = apiRoute({}, async ({ db, scope, params }) => {
  return json(serializeEvent(await getEventOrThrow(db, scope, params.eventId!)));
});
