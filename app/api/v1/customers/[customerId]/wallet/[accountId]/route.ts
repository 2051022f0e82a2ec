import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getWalletAccountDetail } from "@/lib/domain/wallet/get-wallet";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /customers/:customerId/wallet/:accountId – one account ("default:USD") with pending amounts
  GET: apiRoute({}, async ({ db, scope, params }) => {
    const a = await getWalletAccountDetail(db, scope, params.customerId!, params.accountId!);
    return json({ id: a.id, name: a.name, asset: a.asset, available: a.available, pending_in: a.pendingIn, pending_out: a.pendingOut });
  }),
});
