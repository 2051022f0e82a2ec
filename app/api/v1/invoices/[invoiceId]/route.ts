import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { serializeInvoice } from "@/lib/invoices/serialize";
import { getInvoiceOrThrow } from "@/lib/invoices/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /invoices/:invoiceId – one invoice or credit note
  GET: apiRoute({}, async ({ db, scope, params }) => json(serializeInvoice(await getInvoiceOrThrow(db, scope, params.invoiceId!)))),
});
