import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { platforms } from "@/lib/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { PlatformScope } from "@/lib/scope";

/**
 * Who a request acts as (GET /accounts/self): the key's platform, or the connected account named by
 * X-CREDYT-ACCOUNT with its parent.
 * @throws NotFoundError
 */
export async function accountContext(db: DbOrTx, scope: PlatformScope) {
  const [row] = await db.select().from(platforms).where(eq(platforms.id, scope.platformId)).limit(1);
  if (!row) throw new NotFoundError("Account");
  const [parent] = row.parentPlatformId
    ? await db.select({ id: platforms.id, name: platforms.name }).from(platforms).where(eq(platforms.id, row.parentPlatformId)).limit(1)
    : [];
  return {
    id: row.id,
    name: row.name,
    mode: scope.liveMode ? ("live" as const) : ("test" as const),
    live_mode: scope.liveMode,
    type: parent ? ("connected_account" as const) : ("platform" as const),
    external_id: row.externalId,
    metadata: row.metadata ?? {},
    parent: parent ? { id: parent.id, name: parent.name } : null,
  };
}
