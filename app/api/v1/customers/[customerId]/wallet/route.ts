import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { listWalletAccounts } from "@/lib/domain/wallet/get-wallet";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/wallet – the customer's accounts and available balances
  GET: apiRoute({}, async ({ db, scope, params }) => {
    const customer = await getCustomerOrThrow(db, scope, params.customerId!);
    const accounts = await listWalletAccounts(db, { ...scope, customerId: customer.id });
    return json({ accounts: accounts.map((a) => ({ id: a.id, name: a.name, asset: a.asset, available: a.available })) });
  }),
});
