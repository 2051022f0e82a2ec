import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { brandingSchema } from "@/lib/domain/platforms/branding-schema";
import { serializeBranding, updateBranding } from "@/lib/domain/branding/update-branding";
import { getPlatformOrThrow } from "@/lib/domain/platforms/get-platform";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /platform/branding – the portal's name, logo, colours, product URLs and allowed origins
  GET: apiRoute({}, async ({ db, scope }) => {
    const platform = await getPlatformOrThrow(db, scope.platformId);
    return json(serializeBranding(platform.branding));
  }),

  // PUT /platform/branding – set any of them; reports colours adjusted for text contrast
  PUT: apiRoute({ body: brandingSchema }, async ({ db, scope, body }) => {
    return json(serializeBranding(await updateBranding(db, scope, body)));
  }),
});
