import type { Tx } from "@/lib/kernel/db";

/** A settled charge for a plan: the first charge of a subscription (no period) or a renewal (the period it pays for). */
export interface PaidPlanCharge {
  id: string;
  subscriptionId: string | null;
  periodStart: Date | null;
}

/**
 * What payments tell the layer above when a charge made for a plan settles, inside the transaction
 * that settles it. Subscriptions register these at start-up (lib/boot/hooks.ts); payments never
 * import subscriptions.
 */
export interface PlanChargeHooks {
  chargePaid(tx: Tx, charge: PaidPlanCharge, paidAt: Date, paymentMethodId: string | null): Promise<void>;
  /** A renewal charge (an attempt whose account name is the subscription id) was refused. */
  renewalDeclined(tx: Tx, attempt: { accountName: string }, reason: string): Promise<void>;
}

// Kept on globalThis: Next.js may load this module in several bundles (instrumentation and each
// route), and hooks registered at boot must be seen by every one of them.
const holder = globalThis as typeof globalThis & { __billfoldPlanChargeHooks?: PlanChargeHooks };

/** Registers (or replaces) the plan charge hooks. */
export function onPlanCharge(hooks: PlanChargeHooks): void {
  holder.__billfoldPlanChargeHooks = hooks;
}

/**
 * The registered hooks. A plan charge settling with none registered is a start-up mistake that would
 * leave a paid subscription pending, so it fails the settlement (retried) instead.
 */
export function planChargeHooks(): PlanChargeHooks {
  const hooks = holder.__billfoldPlanChargeHooks;
  if (!hooks) throw new Error("No plan charge hooks are registered (lib/boot/hooks.ts registers them at start-up).");
  return hooks;
}
