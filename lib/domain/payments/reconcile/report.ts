import { log } from "@/lib/kernel/log";
import type { ReconciliationReport } from "./reconcile";
import type { Finding } from "./rules";

/** Repairs are lost webhooks (worth a look at the endpoint); unexplained findings need a person. */
export function logReconciliation(report: ReconciliationReport): void {
  const { repaired, unexplained, ...figures } = report;
  log.info("Stripe reconciliation", { ...figures, repaired: repaired.length, unexplained: unexplained.length });
  for (const finding of repaired) log.warn("Stripe reconciliation applied a payment event the webhook never delivered", { ...finding });
  for (const finding of unexplained) log.error("Stripe reconciliation found a difference it cannot explain", { ...finding });
}

const findingJson = (f: Finding) => ({ kind: f.kind, payment_intent_id: f.paymentIntentId, top_up_id: f.topUpId, platform_id: f.platformId, detail: f.detail });

/** The report as the admin API answers it, in the API's snake_case. */
export function reportJson(r: ReconciliationReport) {
  return {
    mode: r.mode,
    from: r.from,
    to: r.to,
    payments: r.payments,
    refunds: r.refunds,
    disputes: r.disputes,
    other_deployments: r.otherDeployments,
    repaired: r.repaired.map(findingJson),
    unexplained: r.unexplained.map(findingJson),
  };
}
