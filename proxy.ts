import { NextResponse, type NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/portal/cookie";
import { frameAncestors } from "@/lib/portal/frame-ancestors";
import { LOCALE_COOKIE, validLocale } from "@/lib/portal/locale";
import { contentSecurityPolicy, pageSecurityHeaders } from "@/lib/portal/security-headers";

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

/** Every page gets a fresh CSP nonce (Next.js applies it to its own scripts) and the security headers. */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const redirect = localeRedirect(request);
  if (redirect) return redirect;
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const ancestors = await frameAncestors(request.cookies.get(sessionCookieName())?.value);
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
  matcher: [{ source: "/((?!api|_next/static|_next/image|favicon.ico).*)" }],
};
