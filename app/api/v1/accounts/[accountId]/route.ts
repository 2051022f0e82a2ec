import { getAccountOrThrow, serializeAccount } from "@/lib/domain/accounts/account-store";
import { apiRoute } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";
import { apiRoutes } from "@/lib/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /accounts/:accountId – one of the platform's connected accounts
  GET: apiRoute({}, async ({ db, scope, params }) => {
    return json(serializeAccount(await getAccountOrThrow(db, scope, params.accountId!)));
  }),
});
