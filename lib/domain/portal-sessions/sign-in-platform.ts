import { createHmac, timingSafeEqual } from "node:crypto";
import type { DbOrTx } from "@/lib/kernel/db";
import { env } from "@/lib/kernel/env";
import { signingKey } from "./secret";

const PLATFORM_ID = /^acc_[0-9a-z]{26}$/;

async function mac(db: DbOrTx, platformId: string): Promise<Buffer> {
  return createHmac("sha256", await signingKey(db)).update(`sign-in-platform:${platformId}`).digest();
}

/** The signature a sign-in-by-email form carries for its platform (psig). */
export async function signInPlatformSignature(db: DbOrTx, platformId: string): Promise<string> {
  return (await mac(db, platformId)).toString("base64url");
}

/**
 * The signed-out page of one platform, where a customer can ask for a sign-in link by email. Signed
 * like the link-error address, so nobody can make the shared portal origin show another tenant's name.
 */
export async function signInPageUrl(db: DbOrTx, platformId: string): Promise<string> {
  const query = new URLSearchParams({ platform: platformId, psig: await signInPlatformSignature(db, platformId) });
  return `${env().PORTAL_URL.replace(/\/$/, "")}/signed-out?${query.toString()}`;
}

/** The platform a signed-out address names, when its signature holds; otherwise null. */
export async function verifiedSignInPlatform(db: DbOrTx, params: Record<string, string | string[] | undefined>): Promise<string | null> {
  const { platform, psig } = params;
  if (typeof platform !== "string" || typeof psig !== "string" || !PLATFORM_ID.test(platform)) return null;
  const expected = await mac(db, platform);
  const given = Buffer.from(psig, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? platform : null;
}
