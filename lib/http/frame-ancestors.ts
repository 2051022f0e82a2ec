import { getDb } from "@/lib/kernel/db";
import { toPlatform } from "@/lib/domain/platforms/get-platform";
import { hashSessionId } from "@/lib/domain/portal-sessions/exchange-token";
import { readSession } from "@/lib/domain/portal-sessions/sessions";

const TTL_MS = 60_000;
const cache = new Map<string, { value: string; expiresAtMs: number }>();

/**
 * The CSP frame-ancestors source list for a request: the platform's registered embed origins when
 * the request carries one of its sessions, otherwise 'none' (no framing, no clickjacking).
 */
export async function frameAncestors(sessionId: string | undefined): Promise<string> {
  if (!sessionId || sessionId.length > 100) return "'none'";
  const key = hashSessionId(sessionId);
  const hit = cache.get(key);
  if (hit && hit.expiresAtMs > Date.now()) return hit.value;
  const db = await getDb();
  const state = await readSession(db, sessionId);
  const origins = state.kind === "active" ? toPlatform(state.platform).branding.embedOrigins : [];
  const value = origins.length > 0 ? origins.join(" ") : "'none'";
  if (cache.size > 5_000) cache.clear();
  cache.set(key, { value, expiresAtMs: Date.now() + TTL_MS });
  return value;
}
