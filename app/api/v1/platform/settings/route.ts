import { apiRoute } from "@/lib/http/handler";
import { apiRoutes } from "@/lib/http/route-methods";
import { json } from "@/lib/http/respond";
import { getPlatformSettings, replacePlatformSettings, serializeSettings } from "@/lib/domain/platforms/settings";
import { platformSettingsSchema } from "@/lib/domain/platforms/settings-schema";

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = apiRoutes({
  // GET /platform/settings – Billfold extension: top-up limits and presets, auto top-up caps, portal currency
  GET: apiRoute({}, async ({ db, scope }) => json(serializeSettings(await getPlatformSettings(db, scope)))),

  // PUT /platform/settings – replace the settings (parts left out return to their defaults)
  PUT: apiRoute({ body: platformSettingsSchema }, async ({ db, scope, body }) => {
    return json(serializeSettings(await replacePlatformSettings(db, scope, body)));
  }),
});
