import { and, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { apiKeys } from "@/lib/kernel/db/schema";
import { RateLimitedError } from "@/lib/kernel/errors";
import type { PlatformScope } from "@/lib/kernel/scope";

/** Under a stream of unknown keys, lookups start at most this often: up to 20 queries a second. */
const MIN_GAP_MS = 50;
const MAX_BATCH = 500;
/** Keys waiting beyond this are answered 429 at once: a flood cannot queue without bound. */
const MAX_WAITING = 5_000;

type Waiter = { resolve: (scope: PlatformScope | null) => void; reject: (error: unknown) => void };

/**
 * Looks up API keys the cache does not hold, gathered into one query at a time per database, started
 * after every waiting key arrived, so each answer is as fresh as a query of its own. A flood of made-up
 * keys (each one a miss) then costs a bounded number of queries a second instead of one query per
 * request, which on the embedded database's single connection queued behind every legitimate read.
 */
class KeyLookups {
  private readonly waiting = new Map<string, Waiter[]>();
  private running = false;
  private scheduled = false;
  private lastStartMs = 0;

  constructor(private readonly db: DbOrTx) {}

  /** @throws RateLimitedError when MAX_WAITING keys are already waiting */
  lookup(hash: string): Promise<PlatformScope | null> {
    if (this.waiting.size >= MAX_WAITING && !this.waiting.has(hash)) return Promise.reject(new RateLimitedError(1));
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(hash) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(hash, list);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled || this.waiting.size === 0) return;
    this.scheduled = true;
    const wait = Math.max(0, this.lastStartMs + MIN_GAP_MS - Date.now());
    // setImmediate gathers the keys of requests that arrived in the same turn of the event loop.
    const go = () => void this.run();
    if (wait === 0) setImmediate(go);
    else setTimeout(go, wait);
  }

  private async run(): Promise<void> {
    this.scheduled = false;
    this.running = true;
    this.lastStartMs = Date.now();
    const batch = [...this.waiting.entries()].slice(0, MAX_BATCH);
    for (const [hash] of batch) this.waiting.delete(hash);
    try {
      const rows = await this.db
        .select({ keyHash: apiKeys.keyHash, platformId: apiKeys.platformId, liveMode: apiKeys.liveMode })
        .from(apiKeys)
        .where(and(inArray(apiKeys.keyHash, batch.map(([hash]) => hash)), isNull(apiKeys.revokedAt)));
      const found = new Map(rows.map((r) => [r.keyHash, { platformId: r.platformId, liveMode: r.liveMode }]));
      for (const [hash, waiters] of batch) for (const w of waiters) w.resolve(found.get(hash) ?? null);
    } catch (error) {
      for (const [, waiters] of batch) for (const w of waiters) w.reject(error);
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}

const perDatabase = new WeakMap<DbOrTx, KeyLookups>();

/** The scope of the key with this hash, from the database. @throws RateLimitedError under a flood of unknown keys */
export function lookUpKeyHash(db: DbOrTx, hash: string): Promise<PlatformScope | null> {
  let lookups = perDatabase.get(db);
  if (!lookups) perDatabase.set(db, (lookups = new KeyLookups(db)));
  return lookups.lookup(hash);
}
