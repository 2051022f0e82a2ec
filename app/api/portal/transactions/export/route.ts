import { timeZoneOf } from "@/lib/workflows/portal/locale";
import { portalRoute } from "@/lib/http/portal-route";
import { transactionsCsv } from "@/lib/workflows/wallet/transactions/export-csv";
import { transactionFiltersSchema } from "@/lib/workflows/wallet/transactions/filters";

// GET /api/portal/transactions/export – exactly the filtered transactions as CSV, streamed
export const GET = portalRoute({ query: transactionFiltersSchema }, async ({ req, db, scope, query }) => {
  const name = ["transactions", query.month, query.asset, query.category].filter(Boolean).join("-");
  return new Response(transactionsCsv(db, scope, { ...query, cursor: undefined }, timeZoneOf(req)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}.csv"`,
      "cache-control": "no-store",
    },
  });
});
