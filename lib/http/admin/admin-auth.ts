import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/kernel/env";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** True when the request carries the operator's admin token; always false when none is configured. */
export function isAdminRequest(req: Request): boolean {
  const configured = env().BILLFOLD_ADMIN_TOKEN;
  if (!configured) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  return match !== null && timingSafeEqual(digest(match[1]!), digest(configured));
}
