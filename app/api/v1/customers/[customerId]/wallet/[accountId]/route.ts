import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { getWalletAccountDetail } from "@/lib/wallet/get-wallet";

// GET /customers/:customerId/wallet/:accountId – one account ("default:USD") with pending amounts
export const GET = apiRoute({}, async ({ db, scope, params }) => {
  const a = await getWalletAccountDetail(db, scope, params.customerId!, params.accountId!);
  return json({ id: a.id, name: a.name, asset: a.asset, available: a.available, pending_in: a.pendingIn, pending_out: a.pendingOut });
});
