import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/kernel/db";

// GET /api/health – liveness plus a database round trip
export async function GET(): Promise<Response> {
  try {
    const database = await getDatabase();
    await database.db.execute(sql`SELECT 1`);
    return Response.json({ status: "ok", database: database.kind }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
