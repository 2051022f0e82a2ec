import { pdfResponse } from "@/lib/domain/payments/invoices/pdf-response";
import { getInvoiceOrThrow } from "@/lib/domain/payments/invoices/store";
import { portalRoute } from "@/lib/http/portal-route";

// GET /api/portal/invoices/:invoiceId/pdf – one of the signed-in customer's invoices or credit notes as a PDF
export const GET = portalRoute({}, async ({ db, scope, params }) => pdfResponse(await getInvoiceOrThrow(db, scope, params.invoiceId!)));
