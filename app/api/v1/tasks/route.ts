import { apiRoute } from "@/lib/http/handler";
import { page } from "@/lib/kernel/fields/pagination";
import { json } from "@/lib/http/respond";
import { apiRoutes } from "@/lib/http/route-methods";
import { listTasks } from "@/lib/workflows/tasks/list-tasks";
import { listTasksQuerySchema } from "@/lib/workflows/tasks/schemas";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /tasks?customer_id= – the customer's tasks (events grouped by subject), newest first (?from&to&limit&offset)
  GET: apiRoute({ query: listTasksQuerySchema }, async ({ db, scope, query }) => {
    const { items, total } = await listTasks(db, scope, query);
    return json(page(items, total, query.limit, query.offset));
  }),
});
