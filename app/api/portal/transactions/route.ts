import { json } from "@/lib/api/respond";
import { timeZoneOf } from "@/lib/portal/locale";
import { portalRoute } from "@/lib/portal/portal-route";
import { transactionFiltersSchema } from "@/lib/wallet/transactions/filters";
import { listTransactions } from "@/lib/wallet/transactions/list-transactions";

// GET /api/portal/transactions – a page of the signed-in customer's movements (keyset cursor)
export const GET = portalRoute({ query: transactionFiltersSchema }, async ({ req, readDb: db, scope, query }) => {
  return json(await listTransactions(db, scope, query, timeZoneOf(req)));
});
