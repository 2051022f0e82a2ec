import { timeZoneOf } from "@/lib/workflows/portal/locale";
import { routeTranslator } from "@/lib/workflows/portal/route-translator";
import { portalRoute } from "@/lib/http/portal-route";
import { usageCsvResponse } from "@/lib/workflows/wallet/usage/export-csv";
import { usageFiltersSchema } from "@/lib/workflows/wallet/usage/filters";

// GET /api/portal/usage/export – exactly the filtered usage as CSV, with a column per visible lane, streamed, headed in the reader's language
export const GET = portalRoute({ query: usageFiltersSchema }, async ({ req, readDb: db, scope, query }) => {
  const t = await routeTranslator(db, scope, req);
  const header = [t("csv.date"), t("csv.eventId"), t("csv.product"), t("csv.subject"), t("csv.description"), t("csv.asset"), t("csv.amount")];
  return usageCsvResponse(db, scope, query, timeZoneOf(req), { header, fileName: t("csv.usageFileName") });
});
