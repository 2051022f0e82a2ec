import { createHmac, timingSafeEqual } from "node:crypto";

/** `Credyt-Signature: t=<unix seconds>,v0=<hex HMAC-SHA256 of "<t>.<body>" keyed by the destination secret>`. */
export function signatureHeader(secret: string, body: string, timestampSeconds: number): string {
  const mac = createHmac("sha256", secret).update(`${timestampSeconds}.${body}`).digest("hex");
  return `t=${timestampSeconds},v0=${mac}`;
}

/**
 * What a platform runs to check a delivery (documented in docs/webhooks.md): the signature must match
 * the raw body and the timestamp must be within `toleranceSeconds` of now.
 */
export function verifySignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v0) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  const given = Buffer.from(parts.v0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
