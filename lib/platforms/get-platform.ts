import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { platforms } from "@/lib/db/schema";
import { readBranding, type Branding } from "@/lib/branding/schema";
import { NotFoundError } from "@/lib/errors";

export interface Platform {
  id: string;
  name: string;
  branding: Branding;
  settings: Record<string, unknown>;
}

export function toPlatform(row: typeof platforms.$inferSelect): Platform {
  return { id: row.id, name: row.name, branding: readBranding(row.name, row.branding), settings: row.settings };
}

export async function findPlatform(db: DbOrTx, platformId: string): Promise<Platform | null> {
  const [row] = await db.select().from(platforms).where(eq(platforms.id, platformId)).limit(1);
  return row ? toPlatform(row) : null;
}

/** @throws NotFoundError */
export async function getPlatformOrThrow(db: DbOrTx, platformId: string): Promise<Platform> {
  const platform = await findPlatform(db, platformId);
  if (!platform) throw new NotFoundError("Platform");
  return platform;
}
