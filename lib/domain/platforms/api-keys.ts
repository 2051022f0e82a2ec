import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { DbOrTx } from "@/lib/kernel/db";
import { apiKeys } from "@/lib/kernel/db/schema";
import { newId, randomBase32 } from "@/lib/kernel/ids";
import type { PlatformScope } from "@/lib/kernel/scope";
import { lookUpKeyHash } from "./key-lookups";

const KEY_PATTERN = /^key_(test|live)_[0-9a-z]{32}$/;

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** Creates a key (160 random bits) and returns it; only its hash is stored, so this is the one chance to see it. */
export async function issueApiKey(db: DbOrTx, platformId: string, liveMode: boolean): Promise<string> {
  const key = `key_${liveMode ? "live" : "test"}_${randomBase32(32)}`;
  await db.insert(apiKeys).values({
    id: newId("apiKey"),
    platformId,
    liveMode,
    keyHash: hashApiKey(key),
    hint: key.slice(0, 13),
  });
  return key;
}

// Keys are looked up on every API request; a short cache takes that query off the hot path while
// keeping a revoked key usable for at most CACHE_TTL_MS. Least recently used first out, so a flood of
// made-up keys evicts other made-up keys, not the ones platforms keep using.
const CACHE_TTL_MS = 10_000;
const cache = new LRUCache<string, { scope: PlatformScope | null }>({ max: 10_000, ttl: CACHE_TTL_MS });

/**
 * The platform and mode a key belongs to, or null for a malformed, unknown or revoked key.
 * @throws RateLimitedError when a flood of unknown keys has filled the lookup queue
 */
export async function authenticateApiKey(db: DbOrTx, key: string): Promise<PlatformScope | null> {
  if (!KEY_PATTERN.test(key)) return null;
  const hash = hashApiKey(key);
  const hit = cache.get(hash);
  if (hit) return hit.scope;
  const scope = await lookUpKeyHash(db, hash);
  cache.set(hash, { scope });
  return scope;
}

/** The key from `Authorization: Bearer`, `X-API-Key` or `X-CREDYT-API-KEY`. */
export function apiKeyFromHeaders(headers: Headers): string | null {
  const auth = headers.get("authorization");
  if (auth) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    return match ? match[1]! : null;
  }
  return headers.get("x-api-key") ?? headers.get("x-credyt-api-key");
}
