/**
 * Whether every segment of a raw (still percent-encoded) URL path decodes as UTF-8: `%ff`, `%ED%A0%80`
 * (half a surrogate pair) and a lone `%` do not. Next.js decodes path segments before any route handler
 * runs and answers a plain-text 500 for one that does not decode, so proxy.ts checks this first, for every
 * route and page. What a segment decodes to is the routes' business (lib/http/parse.ts `parsePathParams`).
 */
export function isDecodablePath(pathname: string): boolean {
  if (!pathname.includes("%")) return true;
  for (const segment of pathname.split("/")) {
    try {
      decodeURIComponent(segment);
    } catch {
      return false;
    }
  }
  return true;
}
