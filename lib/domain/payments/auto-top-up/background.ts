import { log } from "@/lib/kernel/log";

// On globalThis for the same reason as the after-debit listeners: one set across Next.js bundles.
const holder = globalThis as typeof globalThis & { __billfoldAutoTopUpRuns?: Set<Promise<void>> };
const running = (holder.__billfoldAutoTopUpRuns ??= new Set());

/**
 * Runs a provider call after the debit that caused it has been answered. Losing it to a crash is
 * safe: the attempt row is already committed and the jobs re-drive it with the same idempotency key.
 */
export function runInBackground(work: () => Promise<void>, context: Record<string, unknown>): void {
  const run: Promise<void> = work()
    .catch((error: unknown) => log.error("auto top-up attempt did not finish; it will be resumed", { ...context, error }))
    .finally(() => running.delete(run));
  running.add(run);
}

/** Waits until every background attempt has finished (tests, and a clean shutdown). */
export async function drainAutoTopUps(): Promise<void> {
  while (running.size > 0) await Promise.all([...running]);
}
