import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";

export interface Limit {
  /** Requests allowed per window, summed over every instance. */
  max: number;
  windowMs: number;
}

interface Bucket {
  windowStart: number;
  /** Global count as of the last sync, including our own synced requests. */
  synced: number;
  /** Our requests since the last sync. */
  pending: number;
}

// Counting every request in the database would make each API key's counter row a hot spot that
// serializes its traffic. Instead each instance counts locally and adds its increments to the
// shared row at most every SYNC_MS (or sooner once it has used a slice of the limit), reading the
// global total back. The limit then holds across instances within one sync's worth of requests.
const SYNC_MS = 200;

export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  private lastSync = 0;
  private syncing: Promise<void> | null = null;

  constructor(private readonly db: () => Promise<DbOrTx>) {}

  /** Seconds to wait when `key` is over its limit, or 0 when the request may proceed. */
  async check(key: string, limit: Limit): Promise<number> {
    const at = now().getTime();
    const windowStart = at - (at % limit.windowMs);
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.windowStart !== windowStart) {
      bucket = { windowStart, synced: 0, pending: 0 };
      this.buckets.set(key, bucket);
    }
    const due = at - this.lastSync >= SYNC_MS || bucket.pending >= Math.max(1, Math.floor(limit.max / 10));
    if (due) await this.sync();
    if (bucket.synced + bucket.pending >= limit.max) return Math.max(1, Math.ceil((windowStart + limit.windowMs - at) / 1000));
    bucket.pending++;
    return 0;
  }

  private sync(): Promise<void> {
    this.syncing ??= this.flush().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async flush(): Promise<void> {
    this.lastSync = now().getTime();
    // Only keys used since the last sync: an idle key's row is neither rewritten nor read back.
    const entries = [...this.buckets.entries()].filter(([, b]) => b.pending > 0);
    if (entries.length === 0) return this.evictIdle();
    // Sorted, so two instances flushing the same keys lock the rows in the same order.
    const increments = entries.map(([key, b]) => ({ key, b, n: b.pending })).sort((a, z) => (a.key < z.key ? -1 : 1));
    for (const i of increments) i.b.pending -= i.n;
    const db = await this.db();
    const rows = rowsOf<{ key: string; count: number }>(
      await db.execute(sql`
        INSERT INTO rate_limits (key, window_start, count)
        VALUES ${sql.join(increments.map((i) => sql`(${i.key}, ${new Date(i.b.windowStart).toISOString()}::timestamptz, ${i.n})`), sql`, `)}
        ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + EXCLUDED.count
        RETURNING key, count`),
    );
    const totals = new Map(rows.map((r) => [r.key, Number(r.count)]));
    for (const i of increments) i.b.synced = totals.get(i.key) ?? i.b.synced;
    this.evictIdle();
  }

  private evictIdle(): void {
    const cutoff = this.lastSync - 120_000;
    for (const [key, b] of this.buckets) if (b.windowStart < cutoff && b.pending === 0) this.buckets.delete(key);
  }
}
