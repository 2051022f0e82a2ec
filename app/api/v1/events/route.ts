import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { pageQuerySchema } from "@/lib/api/page-query";
import { page } from "@/lib/api/pagination";
import { validate } from "@/lib/api/parse";
import { json } from "@/lib/api/respond";
import { listEvents } from "@/lib/events/event-store";
import { ingestEvents } from "@/lib/events/ingest";
import { ingestEventsSchema, listEventsQuerySchema } from "@/lib/events/schemas";
import { serializeEvent } from "@/lib/events/serialize-event";
import { ingestStatus, serializeIngestResult } from "@/lib/events/serialize-ingest";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /events – store and bill up to 1,000 usage events of one customer; replayed ids are reported as duplicates
  POST: apiRoute({ body: ingestEventsSchema }, async ({ db, scope, body }) => {
    const result = await ingestEvents(db, scope, body);
    return json(serializeIngestResult(result), ingestStatus(result));
  }),

  // GET /events – events newest first with their fees and costs (?customer_id= for one customer)
  GET: apiRoute({ query: listEventsQuerySchema }, async ({ db, scope, query }) => {
    const { limit, offset } = validate(pageQuerySchema, query);
    const { items, total } = await listEvents(db, scope, { customerId: query.customer_id, limit, offset });
    return json(page(items.map(serializeEvent), total, limit, offset));
  }),
});
