import { apiRoute } from "@/lib/api/handler";
import { pageQuerySchema } from "@/lib/api/page-query";
import { json } from "@/lib/api/respond";
import { apiRoutes } from "@/lib/api/route-methods";
import { getTaskOrThrow } from "@/lib/tasks/get-task";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /tasks/:taskId – {customer_id}:{subject}, URL-encoded: figures, vendor costs and a page of events (?limit&offset)
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, params, query }) => {
    return json(await getTaskOrThrow(db, scope, params.taskId!, query));
  }),
});
