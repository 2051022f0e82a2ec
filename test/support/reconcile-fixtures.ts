import type { Database } from "@/lib/kernel/db";
import { reconcileStripe, type ReconcileOptions } from "@/lib/domain/payments/reconcile/reconcile";
import { balanceOf, type PaymentsWorld } from "./payments-fixtures";

/** A reconciliation with its findings narrowed to one platform (the reverse check sees the whole database). */
export async function reconcileFor(database: Database, w: PaymentsWorld, options: ReconcileOptions = {}) {
  const report = await reconcileStripe(database.db, options);
  const mine = (f: { platformId: string | null }) => f.platformId === w.platform.id;
  return { ...report, repaired: report.repaired.filter(mine), unexplained: report.unexplained.filter(mine) };
}

/** The two accounts the webhook scenario pays into. */
export async function scenarioBalances(w: PaymentsWorld): Promise<{ usd: unknown; credits: unknown }> {
  return { usd: (await balanceOf(w, "default:USD")).json.available, credits: (await balanceOf(w, "default:CREDIT")).json.available };
}
