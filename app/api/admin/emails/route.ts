import { errorResponse } from "@/lib/http/route-kit";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { isAdminRequest } from "@/lib/http/admin/admin-auth";
import { outboxQuerySchema } from "@/lib/http/admin/schemas";
import { getDb } from "@/lib/kernel/db";
import { recentOutbox } from "@/lib/domain/notifications/outbox";

// GET /api/admin/emails?to=&limit= – operator only: the newest outbox messages with their text (held ones when there is no SMTP server)
export async function GET(req: Request): Promise<Response> {
  if (!isAdminRequest(req)) return new Response(null, { status: 404 });
  try {
    return json({ items: await recentOutbox(await getDb(), parseQuery(new URL(req.url), outboxQuerySchema)) });
  } catch (error) {
    return errorResponse(error, "/api/admin/emails");
  }
}
