import type { Db } from "@/lib/kernel/db";
import { log } from "@/lib/kernel/log";
import { claimDueJobs, runClaimedJob, runDueJobs } from "./run-due-jobs";

const POLL_MS = 1_000;
/** Deliveries in flight per process, and per platform across every process sharing the database. */
const DELIVERY_SLOTS = 16;
export const DELIVERY_SLOTS_PER_PLATFORM = 2;

interface Loop {
  kick(): void;
  stop(): Promise<void>;
}

export interface Runner {
  /** Stops claiming and resolves once every job this process had started has finished. */
  stop(): Promise<void>;
  kick(): void;
}

const holder = globalThis as typeof globalThis & { __billfoldJobRunner?: Runner };

/**
 * A loop that calls `step` when kicked or every POLL_MS (at once again while it reports a backlog).
 * `step` resolves with whether to look again immediately.
 */
function loop(name: string, step: () => Promise<boolean>): Loop {
  let stopped = false;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    if (stopped || running) return;
    running = step()
      .catch((error: unknown) => {
        log.error(`job runner ${name} tick failed`, { error });
        return false;
      })
      .then((again) => {
        running = null;
        if (!stopped) timer = setTimeout(tick, again ? 0 : POLL_MS);
      });
  };
  timer = setTimeout(tick, 0);
  return {
    kick() {
      if (stopped || running) return;
      clearTimeout(timer);
      timer = setTimeout(tick, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Money lane: one job at a time, in due order. */
function moneyLane(db: Db): Loop {
  return loop("money", async () => (await runDueJobs(db, 20, "money")).ran > 0);
}

/**
 * Deliveries lane: up to DELIVERY_SLOTS at once, claimed at most DELIVERY_SLOTS_PER_PLATFORM per
 * platform, each started without waiting for the others; a finished one frees its slot at once.
 */
function deliveriesLane(db: Db): Loop {
  const inFlight = new Set<Promise<unknown>>();
  const lane: Loop = loop("deliveries", async () => {
    const free = DELIVERY_SLOTS - inFlight.size;
    if (free <= 0) return false;
    const claimed = await claimDueJobs(db, { lane: "deliveries", limit: free, perGroup: DELIVERY_SLOTS_PER_PLATFORM });
    for (const job of claimed) {
      const run = runClaimedJob(db, job)
        .catch((error: unknown) => log.error("delivery job could not record its outcome", { id: job.id, error }))
        .finally(() => {
          inFlight.delete(run);
          lane.kick();
        });
      inFlight.add(run);
    }
    return claimed.length === free;
  });
  return {
    kick: () => lane.kick(),
    async stop() {
      await lane.stop();
      await Promise.all(inFlight);
    },
  };
}

/**
 * Starts this process's job lanes (one per process; safe with many processes because claiming uses
 * SKIP LOCKED). The lanes never wait for each other: a hanging webhook endpoint cannot hold back a
 * top-up, an expiry or a renewal.
 */
export function startJobRunner(db: Db): Runner {
  if (holder.__billfoldJobRunner) return holder.__billfoldJobRunner;
  const lanes = [moneyLane(db), deliveriesLane(db)];
  const runner: Runner = {
    async stop() {
      holder.__billfoldJobRunner = undefined;
      await Promise.all(lanes.map((l) => l.stop()));
    },
    kick() {
      for (const l of lanes) l.kick();
    },
  };
  holder.__billfoldJobRunner = runner;
  return runner;
}
