import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { errors as joseErrors, jwtVerify, type JWTPayload } from "jose";
import { now as clockNow } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { customers, portalSessions, usedTokens } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { env } from "@/lib/kernel/env";
import { randomToken } from "@/lib/kernel/ids";
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from "./constants";
import { signingKey } from "./secret";
import { tokenClaimsSchema, type TokenClaims } from "./token-claims";
import type { SupportedLocale } from "@/lib/kernel/i18n/locales";

export type ExchangeResult =
  | { kind: "session"; sessionId: string; expiresAt: Date; next: string; platformId: string; locale: SupportedLocale | null }
  /** Authentic but expired or already used: the platform's failure_url takes over. */
  | { kind: "failure_redirect"; url: string; reason: "expired" | "used" }
  /**
   * Not a token we issued, or one that does not hold up: an error page, no cookie. `platformId` is set
   * only when the signature verified, so it names the platform that really issued the link.
   */
  | { kind: "invalid"; reason: string; platformId: string | null };

export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/** The platform of a token whose signature verified (its claims may still be refused). */
function issuer(payload: JWTPayload): string | null {
  return typeof payload.platform_id === "string" && /^acc_[0-9a-z]{26}$/.test(payload.platform_id) ? payload.platform_id : null;
}

async function verify(db: Db, token: string, now: Date): Promise<{ claims: TokenClaims } | ExchangeResult> {
  const invalid = (reason: string, authentic: JWTPayload | null = null): ExchangeResult => ({
    kind: "invalid",
    reason,
    platformId: authentic ? issuer(authentic) : null,
  });
  try {
    const { payload } = await jwtVerify(token, await signingKey(db), {
      algorithms: ["HS256"],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ["exp", "jti"],
      currentDate: now,
    });
    const parsed = tokenClaimsSchema.safeParse(payload);
    return parsed.success ? { claims: parsed.data } : invalid("claims", payload);
  } catch (error) {
    // jose checks the signature before the claims, so an expired token here is one we issued.
    if (error instanceof joseErrors.JWTExpired) {
      const parsed = tokenClaimsSchema.safeParse(error.payload);
      if (parsed.success) return { kind: "failure_redirect", url: parsed.data.failure_url, reason: "expired" };
    }
    // jose raises claim failures only after the signature verified.
    if (error instanceof joseErrors.JWTClaimValidationFailed) return invalid(error.code, error.payload);
    return invalid(error instanceof joseErrors.JOSEError ? error.code : "malformed");
  }
}

/**
 * Exchanges a redirect token for a new portal session. The token's jti is consumed in the same
 * transaction that creates the session, so of any number of concurrent exchanges exactly one wins.
 */
export async function exchangeToken(db: Db, token: string, now = clockNow()): Promise<ExchangeResult> {
  if (token.length > 8192) return { kind: "invalid", reason: "too_long", platformId: null };
  const verified = await verify(db, token, now);
  if ("kind" in verified) return verified;
  const c = verified.claims;
  const scope = { platformId: c.platform_id, liveMode: c.live_mode === "true" };
  const sessionId = randomToken(32);
  const { SESSION_ABSOLUTE_HOURS } = env();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000);
  return withTransaction(db, async (tx): Promise<ExchangeResult> => {
    const [customer] = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.id, c.customer_id), eq(customers.platformId, scope.platformId), eq(customers.liveMode, scope.liveMode)))
      .limit(1);
    if (!customer) return { kind: "invalid", reason: "customer", platformId: c.platform_id };
    const [consumed] = await tx
      .insert(usedTokens)
      .values({ jti: c.jti, platformId: c.platform_id, expiresAt: new Date(c.exp * 1000) })
      .onConflictDoNothing()
      .returning({ jti: usedTokens.jti });
    if (!consumed) return { kind: "failure_redirect", url: c.failure_url, reason: "used" };
    await tx.insert(portalSessions).values({
      idHash: hashSessionId(sessionId),
      ...scope,
      customerId: c.customer_id,
      returnUrl: c.return_url,
      failureUrl: c.failure_url,
      expiresAt,
      lastSeenAt: now,
    });
    return { kind: "session", sessionId, expiresAt, next: c.next ?? "/", platformId: c.platform_id, locale: c.locale ?? null };
  });
}
