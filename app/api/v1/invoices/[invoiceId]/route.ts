import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { serializeInvoice } from "@/lib/domain/payments/invoices/serialize";
import { getInvoiceOrThrow } from "@/lib/domain/payments/invoices/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /invoices/:invoiceId – one invoice or credit note
  GET: apiRoute({}, async ({ db, scope, params }) => json(serializeInvoice(await getInvoiceOrThrow(db, scope, params.invoiceId!)))),
});
