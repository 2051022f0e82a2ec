import { apiRoute } from "@/lib/api/handler";
import { apiRoutes } from "@/lib/api/route-methods";
import { json } from "@/lib/api/respond";
import { brandingSchema } from "@/lib/branding/schema";
import { serializeBranding, updateBranding } from "@/lib/branding/update-branding";
import { getPlatformOrThrow } from "@/lib/platforms/get-platform";

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
