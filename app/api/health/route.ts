import { sql } from "drizzle-orm";
import { getDatabase } from "@/lib/kernel/db";
import { replicaLag } from "@/lib/kernel/db/replica";

// GET /api/health – liveness plus a database round trip, and the read replica's state when there is one
export async function GET(): Promise<Response> {
  try {
    const database = await getDatabase();
    await database.db.execute(sql`SELECT 1`);
    const replica = await replicaLag();
    const body = replica.configured ? { status: "ok", database: database.kind, replica: { usable: replica.usable, lag_s: replica.lagS } } : { status: "ok", database: database.kind };
    return Response.json(body, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
