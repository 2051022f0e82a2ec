import { setTimeout as delay } from "node:timers/promises";
import { benchEvent } from "../../bench/ingest/product";
import type { HttpFixture } from "../../bench/ingest/setup";

/**
 * Event ingest from `clients` concurrent clients that behave as real ones must: every request carries
 * known event ids and is retried (connection refused, reset, 5xx) until the server acknowledges it.
 * Requests are remembered so that, after the crashes, everything can be sent again.
 */
export interface IngestLoad {
  /** Stops issuing new requests; resolves when every client has let go of its current one. */
  stop(): Promise<void>;
  requests: number;
  /** Batches acknowledged while the load ran. */
  acked: number;
  /** Failed tries (refused, reset, 5xx): what the crashes cost the clients. */
  failedTries: number;
  batches: Batch[];
}

interface Batch {
  body: string;
  ids: string[];
  acked: boolean;
}

export const EVENTS_PER_REQUEST = 5;

async function post(url: string, key: string, body: string): Promise<{ status: number; accepted: number } | null> {
  try {
    const res = await fetch(`${url}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body });
    const json = (await res.json().catch(() => null)) as { billed?: number; unbilled?: number } | null;
    return { status: res.status, accepted: (json?.billed ?? 0) + (json?.unbilled ?? 0) };
  } catch {
    return null;
  }
}

export function startIngestLoad(url: string, fixture: HttpFixture, clients: number, label: string): IngestLoad {
  let running = true;
  let next = 0;
  const state: IngestLoad = { requests: 0, acked: 0, failedTries: 0, batches: [], stop: async () => undefined };
  const client = async () => {
    while (running) {
      const n = next++;
      const ids = Array.from({ length: EVENTS_PER_REQUEST }, (_, i) => `${label}-${n}-${i}`);
      const customer = fixture.customerIds[(n * 7919) % fixture.customerIds.length]!;
      const batch: Batch = { body: JSON.stringify({ customer_id: customer, events: ids.map((id, i) => benchEvent(id, n + i)) }), ids, acked: false };
      state.batches.push(batch);
      // Keeps trying while the load runs; whatever is still unacknowledged at stop is re-sent afterwards.
      while (running && !batch.acked) {
        const res = await post(url, fixture.key, batch.body);
        state.requests++;
        if (res && res.status < 300) {
          batch.acked = true;
          state.acked++;
        } else {
          state.failedTries++;
          await delay(20);
        }
      }
    }
  };
  const all = Promise.all(Array.from({ length: clients }, client));
  state.stop = async () => {
    running = false;
    await all;
  };
  return state;
}

/** Waits until the server acknowledges new batches again (after a restart: its database is open and warm). */
export async function untilProgress(load: IngestLoad, batches = 16): Promise<void> {
  const from = load.acked;
  for (let i = 0; i < 1200 && load.acked < from + batches; i++) await delay(50);
}

/**
 * Sends every batch again, as clients that never trust one answer would, until each is acknowledged.
 * @returns events newly billed by batches that had been acknowledged before (must be 0), and batches never acknowledged before
 */
export async function resendAll(url: string, fixture: HttpFixture, load: IngestLoad): Promise<{ replayBilled: number; firstAcked: number }> {
  let replayBilled = 0;
  let firstAcked = 0;
  const queue = [...load.batches];
  const worker = async () => {
    for (let batch = queue.shift(); batch; batch = queue.shift()) {
      for (let tries = 0; ; tries++) {
        const res = await post(url, fixture.key, batch.body);
        if (res && res.status < 300) {
          if (batch.acked) replayBilled += res.accepted;
          else firstAcked++;
          batch.acked = true;
          break;
        }
        if (tries > 200) throw new Error(`batch ${batch.ids[0]} never acknowledged: ${res?.status ?? "no answer"}`);
        await delay(50);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return { replayBilled, firstAcked };
}
