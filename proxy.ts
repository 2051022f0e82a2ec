import { NextResponse, type NextRequest } from "next/server";
import { isDecodablePath } from "@/lib/http/path-segments";
import { problem } from "@/lib/http/respond";
import { isDatabaseUnavailable } from "@/lib/kernel/db/unavailable";
import { AppError } from "@/lib/kernel/errors";
import { sessionCookieName } from "@/lib/domain/portal-sessions/cookie";
import { frameAncestors } from "@/lib/http/frame-ancestors";
import { validLocale } from "@/lib/workflows/portal/locale";
import { LOCALE_COOKIE } from "@/lib/kernel/i18n/locales";
import { contentSecurityPolicy, pageSecurityHeaders } from "@/lib/http/security-headers";

/** `?locale=de-DE` on any page switches the language for the rest of the visit. */
function localeRedirect(request: NextRequest): NextResponse | null {
  const requested = request.nextUrl.searchParams.get("locale");
  if (requested === null) return null;
  const url = request.nextUrl.clone();
  url.searchParams.delete("locale");
  const response = NextResponse.redirect(url, 303);
  const locale = validLocale(requested);
  if (locale) response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 31_536_000 });
  return response;
}

const BAD_PATH = "The path holds a percent-escape that is not UTF-8 (such as %ff).";

/** A path Next.js could not decode: a clear 400 for API clients and browsers alike, before any route runs. */
function badPath(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith("/api/")) return problem(new AppError("bad_request", BAD_PATH));
  return textResponse(400, `Bad Request: ${BAD_PATH}`);
}

function textResponse(status: number, text: string, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", ...headers },
  });
}

/**
 * Every page gets a fresh CSP nonce (Next.js applies it to its own scripts) and the security headers.
 * API routes pass through here only when their path holds a percent-escape, to have it checked.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  if (!isDecodablePath(request.nextUrl.pathname)) return badPath(request);
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const redirect = localeRedirect(request);
  if (redirect) return redirect;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  let ancestors: string;
  try {
    ancestors = await frameAncestors(request.cookies.get(sessionCookieName())?.value);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return textResponse(503, "Service Unavailable: the database cannot be reached right now. Nothing was changed; retry in a few seconds.", { "retry-after": "5" });
  }
  const csp = contentSecurityPolicy(nonce, ancestors);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(pageSecurityHeaders(ancestors))) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)" }, { source: "/api/:rest(.*%.*)" }],
};
