import { LRUCache } from "lru-cache";
import type { DbOrTx } from "@/lib/db";
import type { PlatformScope } from "@/lib/scope";
import { getAccountOrThrow } from "./account-store";

/** Credyt for Platforms: the platform's key plus this header acts inside one of its connected accounts. */
export const ACCOUNT_HEADER = "x-credyt-account";

// Checked on every request that carries the header; a connected account never changes parent or mode and
// is never deleted, so a hit can be kept. Misses are not cached: an account created a moment ago must work.
const cache = new LRUCache<string, string>({ max: 10_000, ttl: 60_000 });

/**
 * The scope a request acts in: the key's, or with X-CREDYT-ACCOUNT the connected account's, which must
 * belong to the key's platform and mode. Every scoped query then reaches only that account's objects.
 * @throws NotFoundError for an account that is not the key platform's (in the key's mode), or a blank header
 */
export async function requestScope(db: DbOrTx, keyScope: PlatformScope, headers: Headers): Promise<PlatformScope> {
  const accountId = headers.get(ACCOUNT_HEADER);
  if (accountId === null) return keyScope;
  const cacheKey = `${keyScope.platformId}:${keyScope.liveMode}:${accountId}`;
  const hit = cache.get(cacheKey);
  if (hit) return { platformId: hit, liveMode: keyScope.liveMode };
  const account = await getAccountOrThrow(db, keyScope, accountId.trim());
  cache.set(cacheKey, account.id);
  return { platformId: account.id, liveMode: keyScope.liveMode };
}
