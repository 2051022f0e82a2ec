import { apiRoute } from "@/lib/api/handler";
import { json } from "@/lib/api/respond";
import { getPlatformSettings, replacePlatformSettings, serializeSettings } from "@/lib/platforms/settings";
import { platformSettingsSchema } from "@/lib/platforms/settings-schema";

// GET /platform/settings – Billfold extension: top-up limits and presets, auto top-up caps, portal currency
export const GET = apiRoute({}, async ({ db, scope }) => json(serializeSettings(await getPlatformSettings(db, scope))));

// PUT /platform/settings – replace the settings (parts left out return to their defaults)
export const PUT = apiRoute({ body: platformSettingsSchema }, async ({ db, scope, body }) => {
  return json(serializeSettings(await replacePlatformSettings(db, scope, body)));
});
