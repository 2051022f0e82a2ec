import { createHmac, timingSafeEqual } from "node:crypto";
import { now } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { signingKey } from "./secret";

const LIFETIME_SECONDS = 600;
const PLATFORM_ID = /^acc_[0-9a-z]{26}$/;

async function mac(db: DbOrTx, platformId: string, expires: number): Promise<Buffer> {
  return createHmac("sha256", await signingKey(db)).update(`link-error:${platformId}:${expires}`).digest();
}

/**
 * Where a refused sign-in link goes. The platform is named only for a link whose signature verified,
 * and then with a short-lived signature over it, so nobody can make the shared portal origin show
 * another tenant's name and link by editing the address.
 */
export async function linkErrorPath(db: DbOrTx, platformId: string | null): Promise<string> {
  const query = new URLSearchParams({ reason: "invalid" });
  if (platformId) {
    const expires = Math.floor(now().getTime() / 1000) + LIFETIME_SECONDS;
    query.set("platform", platformId);
    query.set("expires", String(expires));
    query.set("sig", (await mac(db, platformId, expires)).toString("base64url"));
  }
  return `/link-error?${query.toString()}`;
}

/** The platform a link-error address names, when its signature holds and has not expired; otherwise null. */
export async function verifiedLinkErrorPlatform(db: DbOrTx, params: Record<string, string | string[] | undefined>): Promise<string | null> {
  const { platform, expires, sig } = params;
  if (typeof platform !== "string" || typeof expires !== "string" || typeof sig !== "string") return null;
  if (!PLATFORM_ID.test(platform) || !/^\d{1,12}$/.test(expires)) return null;
  if (Number(expires) < now().getTime() / 1000) return null;
  const expected = await mac(db, platform, Number(expires));
  const given = Buffer.from(sig, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? platform : null;
}
