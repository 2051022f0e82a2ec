import { LRUCache } from "lru-cache";
import { now } from "@/lib/kernel/clock";
import type { Limit } from "./limiter";

interface Window {
  start: number;
  count: number;
}

/**
 * Fixed-window counters kept in this process only, at most `capacity` of them: the limiter for
 * requests nobody has authenticated, whose keys (client addresses) an attacker can mint at will. A flood
 * of new addresses evicts the least recently seen counters and costs neither memory past the cap nor
 * a database write.
 */
export class LocalLimiter {
  private readonly windows: LRUCache<string, Window>;

  constructor(readonly capacity: number) {
    this.windows = new LRUCache<string, Window>({ max: capacity });
  }

  /** Counts one use of `key`; seconds to wait when that use is over the limit, otherwise 0. */
  hit(key: string, limit: Limit): number {
    const at = now().getTime();
    const start = at - (at % limit.windowMs);
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      window = { start, count: 0 };
      this.windows.set(key, window);
    }
    window.count++;
    return window.count > limit.max ? Math.max(1, Math.ceil((start + limit.windowMs - at) / 1000)) : 0;
  }

  get size(): number {
    return this.windows.size;
  }
}
