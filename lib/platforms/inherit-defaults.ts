import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { platforms } from "@/lib/db/schema";

type PlatformRow = typeof platforms.$inferSelect;

/**
 * A connected account's row with its parent's branding and settings as defaults: what it has not set
 * comes from the parent, except the display name, which is always the account's own. A platform's row
 * is returned as it is.
 */
export async function withParentDefaults(db: DbOrTx, row: PlatformRow): Promise<PlatformRow> {
  if (!row.parentPlatformId) return row;
  const [parent] = await db
    .select({ branding: platforms.branding, settings: platforms.settings })
    .from(platforms)
    .where(eq(platforms.id, row.parentPlatformId))
    .limit(1);
  if (!parent) return row;
  const { name: _parentName, ...brandingDefaults } = parent.branding;
  return { ...row, branding: { ...brandingDefaults, ...row.branding }, settings: { ...parent.settings, ...row.settings } };
}
