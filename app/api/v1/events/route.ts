import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { page } from "@/lib/kernel/fields/pagination";
import { validate } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { listEvents } from "@/lib/workflows/events/event-store";
import { ingestEvents } from "@/lib/workflows/events/ingest";
import { ingestEventsSchema, listEventsQuerySchema } from "@/lib/workflows/events/schemas";
import { serializeEvent } from "@/lib/workflows/events/serialize-event";
import { ingestStatus, serializeIngestResult } from "@/lib/workflows/events/serialize-ingest";

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
