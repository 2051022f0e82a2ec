import { apiRoute } from "@/lib/api/handler";
import { page } from "@/lib/api/pagination";
import { json } from "@/lib/api/respond";
import { apiRoutes } from "@/lib/api/route-methods";
import { listTasks } from "@/lib/tasks/list-tasks";
import { listTasksQuerySchema } from "@/lib/tasks/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /tasks?customer_id= – the customer's tasks (events grouped by subject), newest first (?from&to&limit&offset)
  GET: apiRoute({ query: listTasksQuerySchema }, async ({ db, scope, query }) => {
    const { items, total } = await listTasks(db, scope, query);
    return json(page(items, total, query.limit, query.offset));
  }),
});
