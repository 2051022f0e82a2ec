import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { page } from "@/lib/api/pagination";
import { pageQuerySchema } from "@/lib/api/page-query";
import { json } from "@/lib/api/respond";
import { getCustomerOrThrow } from "@/lib/customers/customer-store";
import { serializeInvoice } from "@/lib/invoices/serialize";
import { listInvoices } from "@/lib/invoices/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/invoices – the customer's invoices and credit notes, newest first
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, params, query }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    const { rows, total } = await listInvoices(db, { ...scope, customerId: customer.id }, query);
    return json(page(rows.map(serializeInvoice), total, query.limit, query.offset));
  }),
});
