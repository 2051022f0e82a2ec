import { createHmac, timingSafeEqual } from "node:crypto";
import type { DbOrTx } from "@/lib/kernel/db";
import { env } from "@/lib/kernel/env";
import { signingKey } from "./secret";

const PLATFORM_ID = /^acc_[0-9a-z]{26}$/;
const YEAR_SECONDS = 31_536_000;

export const LAST_PLATFORM_COOKIE = "billfold_platform";

async function mac(db: DbOrTx, platformId: string): Promise<string> {
  return createHmac("sha256", await signingKey(db)).update(`last-platform:${platformId}`).digest("base64url");
}

/**
 * Remembers, in this browser, which platform's billing it last opened, signed so nobody can make the
 * shared portal origin show another tenant's name by editing a cookie. Pages shown without a session
 * (signed out, not found) use it to show that platform's brand and a way back to it.
 */
export async function lastPlatformCookie(db: DbOrTx, platformId: string): Promise<string> {
  const parts = [`${LAST_PLATFORM_COOKIE}=${platformId}.${await mac(db, platformId)}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${YEAR_SECONDS}`];
  if (env().PORTAL_URL.startsWith("https:")) parts.push("Secure");
  return parts.join("; ");
}

/** The platform a last-platform cookie names, when its signature holds; otherwise null. */
export async function verifiedLastPlatform(db: DbOrTx, value: string | undefined): Promise<string | null> {
  const [platformId = "", sig = ""] = (value ?? "").split(".");
  if (!PLATFORM_ID.test(platformId)) return null;
  const expected = Buffer.from(await mac(db, platformId), "base64url");
  const given = Buffer.from(sig, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected) ? platformId : null;
}
