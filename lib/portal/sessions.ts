import { and, eq, isNull, lt } from "drizzle-orm";
import { now as clockNow } from "@/lib/clock";
import type { DbOrTx } from "@/lib/db";
import { customers, platforms, portalSessions } from "@/lib/db/schema";
import { withParentDefaults } from "@/lib/platforms/inherit-defaults";
import { env } from "@/lib/env";
import type { CustomerScope } from "@/lib/scope";
import { hashSessionId } from "./exchange-token";

export type SessionState =
  | {
      kind: "active";
      scope: CustomerScope;
      returnUrl: string;
      failureUrl: string;
      expiresAt: Date;
      customer: typeof customers.$inferSelect;
      platform: typeof platforms.$inferSelect;
    }
  | { kind: "expired"; failureUrl: string }
  | { kind: "none" };

// Recording every request would turn each page view into a write; a minute's granularity is plenty for a 30-minute idle limit.
const TOUCH_AFTER_MS = 60_000;

/**
 * The session a cookie value refers to, with its customer and platform (one query: every portal
 * request starts here), enforcing idle and absolute expiry on the server.
 */
export async function readSession(db: DbOrTx, sessionId: string | undefined, now = clockNow()): Promise<SessionState> {
  if (!sessionId || sessionId.length > 100) return { kind: "none" };
  const idHash = hashSessionId(sessionId);
  const [found] = await db
    .select({ session: portalSessions, customer: customers, platform: platforms })
    .from(portalSessions)
    .innerJoin(customers, eq(customers.id, portalSessions.customerId))
    .innerJoin(platforms, eq(platforms.id, portalSessions.platformId))
    .where(eq(portalSessions.idHash, idHash))
    .limit(1);
  if (!found) return { kind: "none" };
  const row = found.session;
  const idleMs = env().SESSION_IDLE_MINUTES * 60_000;
  const over = row.endedAt !== null || row.expiresAt <= now || now.getTime() - row.lastSeenAt.getTime() > idleMs;
  if (over) {
    if (row.endedAt === null) await db.update(portalSessions).set({ endedAt: now }).where(eq(portalSessions.idHash, idHash));
    return { kind: "expired", failureUrl: row.failureUrl };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(portalSessions)
      .set({ lastSeenAt: now })
      .where(and(eq(portalSessions.idHash, idHash), lt(portalSessions.lastSeenAt, now)));
  }
  return {
    kind: "active",
    scope: { platformId: row.platformId, liveMode: row.liveMode, customerId: row.customerId },
    returnUrl: row.returnUrl,
    failureUrl: row.failureUrl,
    expiresAt: row.expiresAt,
    customer: found.customer,
    platform: await withParentDefaults(db, found.platform),
  };
}

/** Ends a session (sign out, or replaced by a new sign-in); the id can never be used again. */
export async function endSession(db: DbOrTx, sessionId: string | undefined, now = clockNow()): Promise<void> {
  if (!sessionId || sessionId.length > 100) return;
  await db
    .update(portalSessions)
    .set({ endedAt: now })
    .where(and(eq(portalSessions.idHash, hashSessionId(sessionId)), isNull(portalSessions.endedAt)));
}
