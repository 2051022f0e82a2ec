import { SignJWT } from "jose";
import { now as clockNow } from "@/lib/kernel/clock";
import type { DbOrTx } from "@/lib/kernel/db";
import { env } from "@/lib/kernel/env";
import { ValidationError } from "@/lib/kernel/errors";
import { randomToken } from "@/lib/kernel/ids";
import { getCustomerOrThrow } from "@/lib/domain/customers/customer-store";
import { getPlatformOrThrow } from "@/lib/domain/platforms/get-platform";
import type { PlatformScope } from "@/lib/kernel/scope";
import { redirectUrlProblem } from "@/lib/kernel/urls";
import type { SupportedLocale } from "@/lib/kernel/i18n/locales";
import { PORTAL_PATH, TOKEN_AUDIENCE, TOKEN_ISSUER, TOKEN_LIFETIME_SECONDS, TOKEN_PURPOSE } from "./constants";
import { signingKey } from "./secret";
import type { CreatePortalSessionInput } from "./session-schema";

export interface PortalLink {
  redirectUrl: string;
  expiresAt: Date;
}

/** Checks return and failure URLs against the platform's allowed origins. @throws ValidationError */
export function checkRedirectUrls(urls: Record<string, string>, allowedOrigins: string[]): void {
  const errors: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(urls)) {
    const problem = redirectUrlProblem(value, allowedOrigins);
    if (problem) errors[field] = [problem];
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
}

export interface LinkClaims {
  customerId: string;
  returnUrl: string;
  failureUrl: string;
  /** Portal path to land on after sign-in (default "/"). */
  next?: string;
  /** The portal's language for this session, when the platform chose one. */
  locale?: SupportedLocale;
}

/**
 * Mints a single-use, 10-minute sign-in link with Credyt's claims plus a jti (and `next` when the
 * customer should land somewhere other than the overview). The URLs must already be checked.
 */
export async function mintPortalLink(db: DbOrTx, scope: PlatformScope, claims: LinkClaims, now = clockNow()): Promise<PortalLink> {
  const issuedSeconds = Math.floor(now.getTime() / 1000);
  const expiresAt = new Date((issuedSeconds + TOKEN_LIFETIME_SECONDS) * 1000);
  if (claims.next !== undefined && !PORTAL_PATH.test(claims.next)) throw new Error(`not a portal path: ${claims.next}`);
  const token = await new SignJWT({
    purpose: TOKEN_PURPOSE,
    issued: now.toISOString(),
    platform_id: scope.platformId,
    customer_id: claims.customerId,
    live_mode: scope.liveMode ? "true" : "false",
    return_url: claims.returnUrl,
    failure_url: claims.failureUrl,
    ...(claims.next ? { next: claims.next } : {}),
    ...(claims.locale ? { locale: claims.locale } : {}),
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setExpirationTime(issuedSeconds + TOKEN_LIFETIME_SECONDS)
    .setJti(randomToken(18))
    .sign(await signingKey(db));
  return { redirectUrl: `${env().PORTAL_URL.replace(/\/$/, "")}/api/sign-in?token=${token}`, expiresAt };
}

/**
 * Mints a single-use, 10-minute sign-in link for one customer, with Credyt's claims plus a jti.
 * @throws NotFoundError (customer), ValidationError (URLs)
 */
export async function createPortalLink(
  db: DbOrTx,
  scope: PlatformScope,
  input: CreatePortalSessionInput,
  now = clockNow(),
): Promise<PortalLink> {
  const customer = await getCustomerOrThrow(db, scope, input.customer_id);
  const platform = await getPlatformOrThrow(db, scope.platformId);
  checkRedirectUrls({ return_url: input.return_url, failure_url: input.failure_url }, platform.branding.allowedRedirectOrigins);
  return mintPortalLink(
    db,
    scope,
    { customerId: customer.id, returnUrl: input.return_url, failureUrl: input.failure_url, ...(input.locale && input.locale !== "auto" ? { locale: input.locale } : {}) },
    now,
  );
}
