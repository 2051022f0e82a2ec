import { json } from "@/lib/http/respond";
import { triggerAutoTopUp } from "@/lib/domain/payments/auto-top-up/trigger";
import { portalRoute } from "@/lib/http/portal-route";
import { ownAccountRef } from "@/lib/domain/wallet/get-wallet";

// POST /api/portal/auto-top-up/:accountId/retry – the customer asks to try the card again now (caps still apply)
export const POST = portalRoute({ mutation: true }, async ({ db, scope, params }) => {
  const plan = await triggerAutoTopUp(db, scope, await ownAccountRef(db, scope, params.accountId!), { manual: true, wait: true });
  return json({ result: plan.kind, reason: "reason" in plan ? plan.reason : null });
});
