import { env } from "@/lib/kernel/env";

/**
 * Why a cookie-authenticated mutation must be refused, or null when it is same-origin: the Origin
 * must be present and equal to the portal's (a missing or `null` Origin is refused), a Fetch
 * Metadata header must not say cross-site, and the body must be JSON, which a cross-site form or
 * simple request cannot send without a preflight.
 */
export function csrfProblem(req: Request): string | null {
  const origin = req.headers.get("origin");
  const expected = new Set([new URL(env().PORTAL_URL).origin, new URL(req.url).origin]);
  if (!origin || origin === "null" || !expected.has(origin)) return "cross-origin request refused";
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return "cross-site request refused";
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) return "JSON body required";
  return null;
}
