import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { pdfResponse } from "@/lib/invoices/pdf-response";
import { getInvoiceOrThrow } from "@/lib/invoices/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /invoices/:invoiceId/pdf – the invoice or credit note as a PDF
  GET: apiRoute({}, async ({ db, scope, params }) => pdfResponse(await getInvoiceOrThrow(db, scope, params.invoiceId!))),
});
