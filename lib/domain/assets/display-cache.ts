import type { DbOrTx } from "@/lib/kernel/db";
import type { PlatformScope } from "@/lib/kernel/scope";
import { findAssets } from "./find-asset";
import type { Asset } from "./types";

// Portal pages show the same few asset definitions on every request. For display only, a few
// seconds of staleness is fine; anything that charges or converts reads them fresh (findAssets).
const TTL_MS = 5_000;
const cache = new Map<string, { at: number; assets: Map<string, Asset> }>();

/** Asset definitions for display, cached per platform and mode for a few seconds. */
export async function findAssetsForDisplay(db: DbOrTx, scope: PlatformScope, codes: string[]): Promise<Map<string, Asset>> {
  const key = `${scope.platformId}:${scope.liveMode}`;
  const hit = cache.get(key);
  const wanted = [...new Set(codes)];
  if (hit && Date.now() - hit.at < TTL_MS && wanted.every((c) => hit.assets.has(c))) return hit.assets;
  const fresh = await findAssets(db, scope, wanted);
  if (cache.size > 1_000) cache.clear();
  cache.set(key, { at: Date.now(), assets: fresh });
  return fresh;
}

