import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { DbOrTx } from "@/lib/kernel/db";
import { env } from "@/lib/kernel/env";
import { idField, patternField, textField } from "@/lib/kernel/fields/fields";
import type { CustomerScope } from "@/lib/kernel/scope";
import { isOptionalKind, type EmailKind } from "@/lib/domain/platforms/email-settings";
import { signingKey } from "@/lib/domain/portal-sessions/secret";

const claimsSchema = z.tuple([patternField(/^acc_[0-9a-z]{26}$/, "platform id", 30), z.enum(["t", "l"]), idField(64), textField(40)]);

async function mac(db: DbOrTx, payload: string): Promise<Buffer> {
  return createHmac("sha256", await signingKey(db)).update(`email-unsubscribe:${payload}`).digest();
}

/**
 * A token that turns one optional kind off for one customer, without a session: it names only what
 * it may change, never expires (an email may be read months later), and does nothing else.
 */
export async function unsubscribeToken(db: DbOrTx, scope: CustomerScope, kind: EmailKind): Promise<string> {
  const payload = Buffer.from(JSON.stringify([scope.platformId, scope.liveMode ? "l" : "t", scope.customerId, kind])).toString("base64url");
  return `${payload}.${(await mac(db, payload)).toString("base64url")}`;
}

/** The confirmation page a reader opens, and the address a mail client POSTs to for one-click unsubscribe. */
export async function unsubscribeUrls(db: DbOrTx, scope: CustomerScope, kind: EmailKind): Promise<{ page: string; oneClick: string }> {
  const base = env().PORTAL_URL.replace(/\/$/, "");
  const token = await unsubscribeToken(db, scope, kind);
  return { page: `${base}/unsubscribe?token=${token}`, oneClick: `${base}/api/email/unsubscribe?token=${token}` };
}

/** The customer and kind a token names, when its signature holds; otherwise null. */
export async function verifyUnsubscribeToken(db: DbOrTx, token: string): Promise<{ scope: CustomerScope; kind: EmailKind } | null> {
  const [payload = "", sig = ""] = token.split(".");
  if (payload.length > 400 || !/^[A-Za-z0-9_-]+$/.test(payload)) return null;
  const expected = await mac(db, payload);
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = claimsSchema.safeParse(raw);
  if (!parsed.success || !isOptionalKind(parsed.data[3])) return null;
  const [platformId, mode, customerId, kind] = parsed.data;
  return { scope: { platformId, liveMode: mode === "l", customerId }, kind: kind as EmailKind };
}
