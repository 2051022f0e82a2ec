import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { runDueJobs } from "./run-due-jobs";

const POLL_MS = 1_000;

interface Runner {
  stop(): void;
  kick(): void;
}

const holder = globalThis as typeof globalThis & { __billfoldJobRunner?: Runner };

/**
 * Polls for due jobs every second (immediately again while there is a backlog, or when kicked).
 * One per process; safe with many processes because claiming uses SKIP LOCKED.
 */
export function startJobRunner(db: Db): Runner {
  if (holder.__billfoldJobRunner) return holder.__billfoldJobRunner;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const tick = async () => {
    if (stopped || running) return;
    running = true;
    let busy = false;
    try {
      const { ran } = await runDueJobs(db);
      busy = ran > 0;
    } catch (error) {
      log.error("job runner tick failed", { error });
    } finally {
      running = false;
      if (!stopped) timer = setTimeout(tick, busy ? 0 : POLL_MS);
    }
  };
  timer = setTimeout(tick, 0);
  const runner: Runner = {
    stop() {
      stopped = true;
      clearTimeout(timer);
      holder.__billfoldJobRunner = undefined;
    },
    kick() {
      if (stopped || running) return;
      clearTimeout(timer);
      timer = setTimeout(tick, 0);
    },
  };
  holder.__billfoldJobRunner = runner;
  return runner;
}

/** Asks this process's runner to look for work now (after enqueuing something due immediately). */
export function kickJobs(): void {
  holder.__billfoldJobRunner?.kick();
}
