import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { pdfResponse } from "@/lib/domain/payments/invoices/pdf-response";
import { getInvoiceOrThrow } from "@/lib/domain/payments/invoices/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /invoices/:invoiceId/pdf – the invoice or credit note as a PDF
  GET: apiRoute({}, async ({ db, scope, params }) => pdfResponse(await getInvoiceOrThrow(db, scope, params.invoiceId!))),
});
