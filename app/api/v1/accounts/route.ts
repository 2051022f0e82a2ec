import { createAccount, listAccounts, serializeAccount } from "@/lib/accounts/account-store";
import { createAccountSchema, listAccountsQuerySchema } from "@/lib/accounts/schemas";
import { apiRoute } from "@/lib/api/handler";
import { pageQuerySchema } from "@/lib/api/page-query";
import { page } from "@/lib/api/pagination";
import { validate } from "@/lib/api/parse";
import { json } from "@/lib/api/respond";
import { apiRoutes } from "@/lib/api/route-methods";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /accounts – create a connected account (Credyt for Platforms) in the key's mode
  POST: apiRoute({ body: createAccountSchema }, async ({ db, scope, body }) => {
    return json(serializeAccount(await createAccount(db, scope, body)), 201);
  }),

  // GET /accounts – the platform's connected accounts, newest first; ?external_id= narrows the page to one
  GET: apiRoute({ query: listAccountsQuerySchema }, async ({ db, scope, query }) => {
    const { limit, offset } = validate(pageQuerySchema, query);
    const { rows, total } = await listAccounts(db, scope, { limit, offset, externalId: query.external_id });
    return json(page(rows.map(serializeAccount), total, limit, offset));
  }),
});
