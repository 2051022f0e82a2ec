import { getTranslations } from "next-intl/server";
import { timeZoneOf } from "@/lib/workflows/portal/locale";
import { portalRoute } from "@/lib/http/portal-route";
import { usageCsvResponse } from "@/lib/workflows/wallet/usage/export-csv";
import { usageFiltersSchema } from "@/lib/workflows/wallet/usage/filters";

// GET /api/portal/usage/export – exactly the filtered usage as CSV, with a column per visible lane, streamed, headed in the reader's language
export const GET = portalRoute({ query: usageFiltersSchema }, async ({ req, readDb: db, scope, query }) => {
  const csv = await getTranslations("csv");
  const header = [csv("date"), csv("eventId"), csv("product"), csv("subject"), csv("description"), csv("asset"), csv("amount")];
  return usageCsvResponse(db, scope, query, timeZoneOf(req), { header, fileName: csv("usageFileName") });
});
