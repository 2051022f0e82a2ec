import type { Db, DatabaseKind } from "@/lib/kernel/db";
import { databaseKind } from "@/lib/kernel/db/kind";
import { now } from "@/lib/kernel/clock";
import { afterDebit } from "@/lib/domain/ledger";
import type { PlatformScope } from "@/lib/kernel/scope";
import { Coalescer, type FlushOutcome } from "./coalescer";
import { processBatch } from "./process-batch";
import type { IngestEventsInput } from "./schemas";
import type { IngestRequest, IngestResult } from "./types";

interface Job {
  scope: PlatformScope;
  request: IngestRequest;
}

// Measured on 2 cores (docs/performance.md). PGlite runs one statement at a time on this thread, so a
// second flush could only wait. Postgres overlaps several transactions' round trips and work. Groups
// above ~500 events gain nothing on either, and on PGlite they grow its (never shrinking) WASM heap.
const FLUSHES: Record<DatabaseKind, { concurrent: number; maxEvents: number }> = {
  pglite: { concurrent: 1, maxEvents: 500 },
  postgres: { concurrent: 4, maxEvents: 500 },
};

const coalescers = new WeakMap<Db, Coalescer<Job, IngestResult>>();

function coalescerFor(db: Db): Coalescer<Job, IngestResult> {
  let coalescer = coalescers.get(db);
  if (!coalescer) {
    coalescer = new Coalescer<Job, IngestResult>(
      async (jobs): Promise<FlushOutcome<IngestResult>> => {
        const scope = jobs[0]!.scope;
        const batch = await processBatch(db, scope, jobs.map((j) => j.request));
        return { results: batch.results, after: () => afterDebit(db, scope, batch.debited) };
      },
      {
        maxConcurrent: FLUSHES[databaseKind(db)].concurrent,
        maxWeight: FLUSHES[databaseKind(db)].maxEvents,
        weight: (j) => j.request.events.length,
        deferStart: true,
      },
    );
    coalescers.set(db, coalescer);
  }
  return coalescer;
}

function toRequest(input: IngestEventsInput, receivedAt: Date): IngestRequest {
  const customer = input.customer_id !== undefined ? { id: input.customer_id } : { externalId: input.customer_external_id! };
  return { customer, events: input.events, receivedAt };
}

/**
 * Stores and bills a customer's usage events: each new event is priced against the customer's
 * subscribed product versions and its fees are debited in the same transaction that stores it.
 * Concurrent requests of a platform are grouped into shared transactions. `backdate` (demo seed)
 * runs the request on its own, dating events and ledger rows at each event's occurred_at.
 * @throws NotFoundError when the customer does not exist in this scope.
 */
export async function ingestEvents(db: Db, scope: PlatformScope, input: IngestEventsInput, options: { backdate?: boolean } = {}): Promise<IngestResult> {
  const request = toRequest(input, now());
  if (options.backdate) {
    const batch = await processBatch(db, scope, [request], { backdate: true });
    await afterDebit(db, scope, batch.debited);
    const [result] = batch.results;
    if (!result!.ok) throw result!.error;
    return result!.value;
  }
  return coalescerFor(db).submit(`${scope.platformId}|${scope.liveMode}`, { scope, request });
}
