import { decodeJwt } from "jose";
import type { Db } from "@/lib/kernel/db";
import { clientAddress, enforceRateLimit } from "@/lib/kernel/rate-limit";
import { sessionCookie, sessionIdFromCookieHeader } from "./cookie";
import { lastPlatformCookie } from "./last-platform";
import { exchangeToken } from "./exchange-token";
import { linkErrorPath } from "./link-error";
import { endSession } from "./sessions";
import { LOCALE_COOKIE } from "@/lib/kernel/i18n/locales";

// The token must not leak through Referer, history or any cache after the exchange.
const NO_LEAK = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

function redirect(location: string, extra: Record<string, string | string[]> = {}): Response {
  const headers = new Headers({ ...NO_LEAK, location });
  for (const [k, v] of Object.entries(extra)) for (const value of [v].flat()) headers.append(k, value);
  return new Response(null, { status: 303, headers });
}

/**
 * An expired or used link was verified as ours, so its platform may be remembered in this browser: a
 * signed-out page at failure_url then shows that platform and offers a sign-in link by email.
 */
async function rememberIssuer(db: Db, token: string): Promise<Record<string, string>> {
  const platformId = decodeJwt(token).platform_id;
  return typeof platformId === "string" && /^acc_[0-9a-z]{26}$/.test(platformId) ? { "set-cookie": await lastPlatformCookie(db, platformId) } : {};
}

/**
 * GET /api/sign-in?token=…: a valid token becomes a fresh session cookie (any session the browser
 * already had is ended, so a planted cookie cannot survive) and a 303 into the portal.
 * Only links whose signature fails count against the client address's allowance, so no number of
 * forged links from anywhere can refuse a genuine one.
 * @throws RateLimitedError when the client address has sent too many links that do not verify.
 */
export async function signIn(db: Db, req: Request): Promise<Response> {
  const token = new URL(req.url).searchParams.get("token") ?? "";
  const result = await exchangeToken(db, token);
  if (result.kind === "failure_redirect") return redirect(result.url, await rememberIssuer(db, token));
  if (result.kind === "invalid") {
    if (!result.platformId) await enforceRateLimit("signin", clientAddress(req.headers));
    return redirect(await linkErrorPath(db, result.platformId));
  }
  await endSession(db, sessionIdFromCookieHeader(req.headers.get("cookie")));
  const maxAge = Math.floor((result.expiresAt.getTime() - Date.now()) / 1000);
  const cookies = [sessionCookie(result.sessionId, maxAge), await lastPlatformCookie(db, result.platformId)];
  // The platform's choice of language becomes the remembered one, which the customer may still change.
  if (result.locale) cookies.push(`${LOCALE_COOKIE}=${result.locale}; Path=/; SameSite=Lax; Max-Age=31536000`);
  return redirect(result.next, { "set-cookie": cookies });
}
