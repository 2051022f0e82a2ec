/**
 * The application's clock. Everything that compares against "now" (expiries, billing periods, grant
 * refreshes, job schedules) reads it here, so tests can move time forward without sleeping.
 */
let offsetMs = 0;
let frozen: Date | null = null;

export function now(): Date {
  return frozen ? new Date(frozen) : new Date(Date.now() + offsetMs);
}

/** Tests only: move the clock forward (or back) by `ms`. */
export function advanceClock(ms: number): void {
  if (frozen) frozen = new Date(frozen.getTime() + ms);
  else offsetMs += ms;
}

/** Tests only: stop the clock at `at` (null to let it run again from real time). */
export function freezeClock(at: Date | null): void {
  frozen = at;
  if (!at) offsetMs = 0;
}

export function resetClock(): void {
  frozen = null;
  offsetMs = 0;
}
