import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { page } from "@/lib/kernel/fields/pagination";
import { pageQuerySchema } from "@/lib/kernel/fields/page-query";
import { json } from "@/lib/http/respond";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { serializeInvoice } from "@/lib/domain/payments/invoices/serialize";
import { listInvoices } from "@/lib/domain/payments/invoices/store";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/invoices – the customer's invoices and credit notes, newest first
  GET: apiRoute({ query: pageQuerySchema }, async ({ db, scope, params, query }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    const { rows, total } = await listInvoices(db, { ...scope, customerId: customer.id }, query);
    return json(page(rows.map(serializeInvoice), total, query.limit, query.offset));
  }),
});
