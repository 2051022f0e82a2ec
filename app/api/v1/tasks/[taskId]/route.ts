import { apiRoute } from "@/lib/http/handler";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { json } from "@/lib/http/respond";
import { apiRoutes } from "@/lib/http/route-methods";
import { getTaskOrThrow } from "@/lib/workflows/tasks/get-task";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /tasks/:taskId – {customer_id}:{subject}, URL-encoded: figures, vendor costs and a page of events (?limit&offset)
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, params, query }) => {
    return json(await getTaskOrThrow(db, scope, params.taskId!, query));
  }),
});
