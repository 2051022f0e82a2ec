export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface FlushOutcome<R> {
  results: Settled<R>[];
  /** Runs after the flush's slot is free and before the callers are answered (the after-debit hook). */
  after?: () => Promise<void>;
}

interface Pending<I, R> {
  item: I;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

interface Queue<I, R> {
  items: Pending<I, R>[];
  running: number;
  scheduled: boolean;
}

export interface CoalescerOptions<I> {
  /** Flushes of one key that may run at once (each is one database transaction). */
  maxConcurrent: number;
  /** Upper bound on the summed weight of one flush; a single heavier item still flushes alone. */
  maxWeight: number;
  weight: (item: I) => number;
  /**
   * Start each flush only after pending I/O has been handled (setImmediate), so requests already
   * received join it. Needed when flushes run synchronously on the main thread (PGlite), where
   * nothing else is read while one runs.
   */
  deferStart?: boolean;
}

/**
 * Group commit for requests: an item submitted while its key's flushes are all busy waits and
 * joins the next flush with everything else that arrived meanwhile. At low load nothing waits (a
 * lone request flushes at once); under load many requests share one transaction and one commit.
 * It is only an optimization: correctness rests on the database, so any number of processes may
 * run side by side.
 */
export class Coalescer<I, R> {
  private readonly queues = new Map<string, Queue<I, R>>();

  constructor(
    private readonly flush: (items: I[]) => Promise<FlushOutcome<R>>,
    private readonly options: CoalescerOptions<I>,
  ) {}

  submit(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let queue = this.queues.get(key);
      if (!queue) {
        queue = { items: [], running: 0, scheduled: false };
        this.queues.set(key, queue);
      }
      queue.items.push({ item, resolve, reject });
      this.schedule(key, queue);
    });
  }

  private schedule(key: string, queue: Queue<I, R>): void {
    if (!this.options.deferStart) return this.pump(key, queue);
    if (queue.scheduled) return;
    queue.scheduled = true;
    setImmediate(() => {
      queue.scheduled = false;
      this.pump(key, queue);
    });
  }

  private take(queue: Queue<I, R>): Pending<I, R>[] {
    const batch = [queue.items.shift()!];
    let weight = this.options.weight(batch[0]!.item);
    while (queue.items.length > 0) {
      const next = this.options.weight(queue.items[0]!.item);
      if (weight + next > this.options.maxWeight) break;
      weight += next;
      batch.push(queue.items.shift()!);
    }
    return batch;
  }

  private pump(key: string, queue: Queue<I, R>): void {
    while (queue.running < this.options.maxConcurrent && queue.items.length > 0) {
      const batch = this.take(queue);
      queue.running++;
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        queue.running--;
        if (queue.running === 0 && queue.items.length === 0 && !queue.scheduled) this.queues.delete(key);
        else this.schedule(key, queue);
      };
      void this.run(batch, release).finally(release);
    }
  }

  private async run(batch: Pending<I, R>[], release: () => void): Promise<void> {
    let outcome: FlushOutcome<R>;
    try {
      outcome = await this.flush(batch.map((p) => p.item));
    } catch (error) {
      // One request's failure must not fail the others it was grouped with: retry them one by one.
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const pending of batch) await this.run([pending], () => undefined);
      return;
    }
    release();
    try {
      await outcome.after?.();
    } finally {
      outcome.results.forEach((r, i) => (r.ok ? batch[i]!.resolve(r.value) : batch[i]!.reject(r.error)));
    }
  }
}
