import { NextResponse, type NextRequest } from "next/server";
import { LOCALE_COOKIE, validLocale } from "@/lib/portal/locale";

/** `?locale=de-DE` on any portal page switches the language for the rest of the visit. */
export function proxy(request: NextRequest): NextResponse {
  const requested = request.nextUrl.searchParams.get("locale");
  const locale = validLocale(requested);
  if (requested === null || !locale) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.searchParams.delete("locale");
  const response = NextResponse.redirect(url, 303);
  response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 31_536_000 });
  return response;
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
