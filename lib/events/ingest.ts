import type { Db, DatabaseKind } from "@/lib/db";
import { databaseKind } from "@/lib/db/kind";
import { now } from "@/lib/clock";
import { afterDebit } from "@/lib/ledger";
import type { PlatformScope } from "@/lib/scope";
import { Coalescer, type FlushOutcome } from "./coalescer";
import { processBatch } from "./process-batch";
import type { IngestEventsInput } from "./schemas";
import type { IngestRequest, IngestResult } from "./types";

interface Job {
  scope: PlatformScope;
  request: IngestRequest;
}

// Up to this many events share one transaction; larger groups would only add latency.
const MAX_EVENTS_PER_FLUSH = 2_000;
// PGlite runs one statement at a time on this thread: a second flush could only wait. Postgres overlaps
// one flush's round trips with another's work.
const MAX_CONCURRENT_FLUSHES: Record<DatabaseKind, number> = { pglite: 1, postgres: 2 };

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
        maxConcurrent: MAX_CONCURRENT_FLUSHES[databaseKind(db)],
        maxWeight: MAX_EVENTS_PER_FLUSH,
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
