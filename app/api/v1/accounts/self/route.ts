import { accountContext } from "@/lib/domain/accounts/account-context";
import { apiRoute } from "@/lib/http/handler";
import { json } from "@/lib/http/respond";
import { apiRoutes } from "@/lib/http/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /accounts/self – who the key (and X-CREDYT-ACCOUNT) acts as
  GET: apiRoute({}, async ({ db, scope }) => json(await accountContext(db, scope))),
});
