import { pdfResponse } from "@/lib/invoices/pdf-response";
import { getInvoiceOrThrow } from "@/lib/invoices/store";
import { portalRoute } from "@/lib/portal/portal-route";

// GET /api/portal/invoices/:invoiceId/pdf – one of the signed-in customer's invoices or credit notes as a PDF
export const GET = portalRoute({}, async ({ db, scope, params }) => pdfResponse(await getInvoiceOrThrow(db, scope, params.invoiceId!)));
