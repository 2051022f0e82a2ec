import { onPlanCharge } from "@/lib/domain/payments/settlement-hooks";
import { subscriptionChargePaid } from "@/lib/workflows/subscriptions/charge-paid";
import { renewalDeclined } from "@/lib/workflows/subscriptions/renewal-declined";

/** Plugs the layers above into the calls up that lower layers make (payments settling a plan charge). */
export function registerHooks(): void {
  onPlanCharge({ chargePaid: subscriptionChargePaid, renewalDeclined });
}
