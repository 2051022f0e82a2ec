import { json } from "@/lib/http/respond";
import { billingDetailsSchema, getBillingDetails, saveBillingDetails } from "@/lib/domain/customers/billing-details";
import { portalRoute } from "@/lib/http/portal-route";

// GET /api/portal/billing-details – what the signed-in customer's invoices name them by
export const GET = portalRoute({}, async ({ db, scope }) => json({ billing_details: await getBillingDetails(db, scope) }));

// PUT /api/portal/billing-details – the customer sets them (tax IDs are format-checked)
export const PUT = portalRoute({ body: billingDetailsSchema, mutation: true }, async ({ db, scope, body }) => {
  return json({ billing_details: await saveBillingDetails(db, scope, body) });
});
