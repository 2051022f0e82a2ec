/**
 * Named fault points for crash-safety tests. Production code calls `faultPoint("name")` at the
 * places where a crash would be most dangerous; it does nothing unless a test armed that name.
 * Armed faults throw FaultInjected, standing in for a process dying at that instant.
 */
export type FaultName =
  | "after-stripe-call-before-commit"
  | "after-commit-before-response"
  | "between-webhook-dedupe-and-credit"
  | "auto-top-up-after-attempt-row"
  | "email-before-send"
  | "email-after-send-before-record";

export class FaultInjected extends Error {
  constructor(readonly point: FaultName) {
    super(`fault injected at ${point}`);
    this.name = "FaultInjected";
  }
}

const armed = new Map<FaultName, number>();
const chances = new Map<FaultName, () => boolean>();
const fired = new Map<FaultName, number>();

/** Arms a fault point to fire on its next `times` passes. */
export function armFault(name: FaultName, times = 1): void {
  armed.set(name, times);
}

/**
 * Arms a fault point to fire on every pass for which `decide` says yes (a seeded coin in the fault
 * runs), until disarmed: the point is live for a whole scenario, not for one pass.
 */
export function armFaultWith(name: FaultName, decide: () => boolean): void {
  chances.set(name, decide);
}

export function disarmFaults(): void {
  armed.clear();
  chances.clear();
}

export function faultsFired(): ReadonlyMap<FaultName, number> {
  return fired;
}

export function faultPoint(name: FaultName): void {
  const remaining = armed.get(name);
  if (!remaining) {
    if (chances.get(name)?.()) fire(name);
    return;
  }
  if (remaining <= 1) armed.delete(name);
  else armed.set(name, remaining - 1);
  fire(name);
}

function fire(name: FaultName): never {
  fired.set(name, (fired.get(name) ?? 0) + 1);
  throw new FaultInjected(name);
}
