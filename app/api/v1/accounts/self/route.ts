import { accountContext } from "@/lib/accounts/account-context";
import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { apiRoutes } from "@/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /accounts/self – who the key (and X-CREDYT-ACCOUNT) acts as
  GET: apiRoute({}, async ({ db, scope }) => json(await accountContext(db, scope))),
});
