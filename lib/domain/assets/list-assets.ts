import { asc, count } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { assets } from "@/lib/kernel/db/schema";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import { withRates } from "./find-asset";
import type { Asset } from "./types";

/** The platform's custom assets, oldest first. */
export async function listAssets(
  db: DbOrTx,
  scope: PlatformScope,
  paging: { limit: number; offset: number },
): Promise<{ items: Asset[]; total: number }> {
  const [rows, [total]] = await Promise.all([
    db.select().from(assets).where(inScope(assets, scope)).orderBy(asc(assets.createdAt), asc(assets.code)).limit(paging.limit).offset(paging.offset),
    db.select({ n: count() }).from(assets).where(inScope(assets, scope)),
  ]);
  return { items: await withRates(db, scope, rows), total: total?.n ?? 0 };
}
