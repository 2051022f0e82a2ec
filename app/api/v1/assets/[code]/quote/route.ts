import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getAssetOrThrow } from "@/lib/domain/assets/find-asset";
import { quoteSchema } from "@/lib/domain/assets/schemas";
import { quoteAsset } from "@/lib/domain/assets/serialize";
import { ValidationError } from "@/lib/kernel/errors";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // POST /assets/:code/quote – how many units an amount of fiat buys at the current rate
  POST: apiRoute({ body: quoteSchema }, async ({ db, scope, params, body }) => {
    const asset = await getAssetOrThrow(db, scope, params.code!);
    const quote = quoteAsset(asset, body.source, body.amount, new Date());
    if (!quote) throw ValidationError.field("source", `${asset.code} has no rate from ${body.source}.`);
    return json(quote);
  }),
});
