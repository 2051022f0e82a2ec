import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { serverSettings } from "@/lib/kernel/db/schema";
import { env } from "@/lib/kernel/env";
import { randomToken } from "@/lib/kernel/ids";

const KEY = "signing_secret";
let cached: Uint8Array | undefined;

/**
 * The HS256 key for portal redirect tokens: BILLFOLD_SECRET when set, otherwise 256 random bits
 * generated once and kept in the database, so every instance sharing the database agrees on it.
 */
export async function signingKey(db: DbOrTx): Promise<Uint8Array> {
  if (cached) return cached;
  const configured = env().BILLFOLD_SECRET;
  if (configured) {
    cached = new TextEncoder().encode(configured);
    return cached;
  }
  await db.insert(serverSettings).values({ key: KEY, value: randomToken(32) }).onConflictDoNothing();
  const [row] = await db.select().from(serverSettings).where(eq(serverSettings.key, KEY)).limit(1);
  cached = new TextEncoder().encode(row!.value);
  return cached;
}
