import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { emailMessages } from "@/lib/kernel/db/schema";

/**
 * The newest messages of every platform, with their text, for the operator of a server without SMTP
 * (`npm run mail:outbox`, GET /api/admin/emails): held messages are read there, sign-in links included.
 */
export async function recentOutbox(db: DbOrTx, filter: { to?: string; limit: number }) {
  const rows = await db
    .select()
    .from(emailMessages)
    .where(filter.to ? eq(sql`lower(${emailMessages.toAddress})`, filter.to.toLowerCase()) : undefined)
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(filter.limit);
  return rows.map((r) => ({
    id: r.id,
    platform_id: r.platformId,
    live_mode: r.liveMode,
    customer_id: r.customerId,
    kind: r.kind,
    to: r.toAddress,
    locale: r.locale,
    status: r.status,
    subject: r.subject,
    text: r.textBody,
    last_error: r.lastError,
    created_at: r.createdAt.toISOString(),
  }));
}
