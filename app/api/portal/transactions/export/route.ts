import { timeZoneOf } from "@/lib/workflows/portal/locale";
import { routeTranslator } from "@/lib/workflows/portal/route-translator";
import { portalRoute } from "@/lib/http/portal-route";
import { transactionsCsv } from "@/lib/workflows/wallet/transactions/export-csv";
import { transactionFiltersSchema } from "@/lib/workflows/wallet/transactions/filters";

// GET /api/portal/transactions/export – exactly the filtered transactions as CSV, streamed, headed in the reader's language
export const GET = portalRoute({ query: transactionFiltersSchema }, async ({ req, db, scope, query }) => {
  const t = await routeTranslator(db, scope, req);
  const header = [
    t("csv.date"), t("csv.type"), t("csv.description"), t("csv.asset"), t("csv.account"), t("csv.amount"), t("csv.balanceAfter"), t("csv.transactionId"), t("csv.reference"),
  ];
  const name = encodeURIComponent([t("csv.fileName"), query.month, query.asset, query.category].filter(Boolean).join("-"));
  const labels = { header, category: (category: string) => t("transactions.category", { category }) };
  return new Response(transactionsCsv(db, scope, { ...query, cursor: undefined }, timeZoneOf(req), labels), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${name}.csv`,
      "cache-control": "no-store",
    },
  });
});
