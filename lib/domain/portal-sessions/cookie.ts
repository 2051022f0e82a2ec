import { env } from "@/lib/kernel/env";

function secure(): boolean {
  return env().PORTAL_URL.startsWith("https:");
}

/** Over https the `__Host-` prefix pins the cookie to this exact host, path / and Secure. */
export function sessionCookieName(): string {
  return secure() ? "__Host-billfold_session" : "billfold_session";
}

export function sessionCookie(value: string, maxAgeSeconds: number): string {
  const parts = [`${sessionCookieName()}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (secure()) parts.push("Secure");
  return parts.join("; ");
}

export function clearedSessionCookie(): string {
  return sessionCookie("", 0);
}

/** The session id from a Cookie header. */
export function sessionIdFromCookieHeader(header: string | null): string | undefined {
  if (!header) return undefined;
  const name = sessionCookieName();
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}
