import { getAccountOrThrow, serializeAccount } from "@/lib/accounts/account-store";
import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { apiRoutes } from "@/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /accounts/:accountId – one of the platform's connected accounts
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeAccount(await getAccountOrThrow(db, scope, params.accountId!)));
  }),
});
