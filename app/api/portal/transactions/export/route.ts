import { getTranslations } from "next-intl/server";
import { timeZoneOf } from "@/lib/workflows/portal/locale";
import { portalRoute } from "@/lib/http/portal-route";
import { transactionsCsv } from "@/lib/workflows/wallet/transactions/export-csv";
import { transactionFiltersSchema } from "@/lib/workflows/wallet/transactions/filters";

// GET /api/portal/transactions/export – exactly the filtered transactions as CSV, streamed, headed in the reader's language
export const GET = portalRoute({ query: transactionFiltersSchema }, async ({ req, db, scope, query }) => {
  const [csv, tx] = await Promise.all([getTranslations("csv"), getTranslations("transactions")]);
  const header = [csv("date"), csv("type"), csv("description"), csv("asset"), csv("account"), csv("amount"), csv("balanceAfter"), csv("transactionId"), csv("reference")];
  const name = encodeURIComponent([csv("fileName"), query.month, query.asset, query.category].filter(Boolean).join("-"));
  const labels = { header, category: (category: string) => tx("category", { category }) };
  return new Response(transactionsCsv(db, scope, { ...query, cursor: undefined }, timeZoneOf(req), labels), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename*=UTF-8''${name}.csv`,
      "cache-control": "no-store",
    },
  });
});
