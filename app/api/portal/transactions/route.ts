import { json } from "@/lib/http/respond";
import { timeZoneOf } from "@/lib/workflows/portal/locale";
import { portalRoute } from "@/lib/http/portal-route";
import { transactionFiltersSchema } from "@/lib/workflows/wallet/transactions/filters";
import { listTransactions } from "@/lib/workflows/wallet/transactions/list-transactions";

// GET /api/portal/transactions – a page of the signed-in customer's movements (keyset cursor)
export const GET = portalRoute({ query: transactionFiltersSchema }, async ({ req, readDb: db, scope, query }) => {
  return json(await listTransactions(db, scope, query, timeZoneOf(req)));
});
