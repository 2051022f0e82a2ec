import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { emailMessages } from "@/lib/kernel/db/schema";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";

type EmailRow = typeof emailMessages.$inferSelect;

/** A message as the platform sees it: what, to whom, and how delivery went; never the body (it may hold a sign-in link). */
export function serializeEmailDelivery(r: EmailRow) {
  return {
    id: r.id,
    customer_id: r.customerId,
    kind: r.kind,
    to: r.toAddress,
    locale: r.locale,
    subject: r.subject,
    status: r.status,
    attempts: r.attempts,
    last_error: r.lastError,
    last_attempt_at: r.lastAttemptAt?.toISOString() ?? null,
    sent_at: r.sentAt?.toISOString() ?? null,
    created_at: r.createdAt.toISOString(),
  };
}

/** The platform's customer emails, newest first; one customer's when `customerId` is given. */
export async function listEmailDeliveries(db: DbOrTx, scope: PlatformScope, filter: { customerId?: string }, paging: { limit: number; offset: number }) {
  const conditions: SQL[] = [inScope(emailMessages, scope)];
  if (filter.customerId) conditions.push(eq(emailMessages.customerId, filter.customerId));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db.select().from(emailMessages).where(where).orderBy(desc(emailMessages.createdAt), desc(emailMessages.id)).limit(paging.limit).offset(paging.offset),
    db.select({ n: count() }).from(emailMessages).where(where),
  ]);
  return { items: rows.map(serializeEmailDelivery), total: total?.n ?? 0 };
}
