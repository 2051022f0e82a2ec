import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { platforms } from "@/lib/db/schema";
import { readBranding, type Branding } from "@/lib/branding/schema";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { withParentDefaults } from "./inherit-defaults";

export interface Platform {
  id: string;
  name: string;
  branding: Branding;
  settings: Record<string, unknown>;
  /** Set for a connected account: the platform it belongs to. */
  parentPlatformId: string | null;
}

export function toPlatform(row: typeof platforms.$inferSelect): Platform {
  return { id: row.id, name: row.name, branding: readBranding(row.name, row.branding), settings: row.settings, parentPlatformId: row.parentPlatformId };
}

export async function findPlatform(db: DbOrTx, platformId: string): Promise<Platform | null> {
  const [row] = await db.select().from(platforms).where(eq(platforms.id, platformId)).limit(1);
  return row ? toPlatform(await withParentDefaults(db, row)) : null;
}

/** @throws NotFoundError */
export async function getPlatformOrThrow(db: DbOrTx, platformId: string): Promise<Platform> {
  const platform = await findPlatform(db, platformId);
  if (!platform) throw new NotFoundError("Platform");
  return platform;
}

/**
 * Where a customer is sent when the platform gave no return_url or failure_url (a top-up, a plan's
 * first payment): the platform's home page from its branding, else the portal's own signed-out page.
 */
export function defaultRedirectUrl(platform: Platform): string {
  return platform.branding.homeUrl ?? `${env().PORTAL_URL.replace(/\/$/, "")}/signed-out`;
}
