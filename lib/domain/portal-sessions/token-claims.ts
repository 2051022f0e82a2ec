import { z } from "zod";
import { isSafeRedirectUrl } from "@/lib/kernel/urls";
import { PORTAL_PATH, TOKEN_PURPOSE } from "./constants";
import { SUPPORTED_LOCALES } from "@/lib/kernel/i18n/locales";

const redirectUrl = z.string().refine((v) => isSafeRedirectUrl(v, []), "not a safe redirect URL");

/** The claims a verified redirect token must carry, beyond what jose already checked. */
export const tokenClaimsSchema = z.object({
  purpose: z.literal(TOKEN_PURPOSE),
  platform_id: z.string().regex(/^acc_[0-9a-z]{26}$/),
  customer_id: z.string().regex(/^cust_[0-9a-z]{26}$/),
  live_mode: z.enum(["true", "false"]),
  return_url: redirectUrl,
  failure_url: redirectUrl,
  jti: z.string().min(16).max(100),
  exp: z.number(),
  /** Billfold extension: the portal path to land on (a platform-initiated top-up lands on its checkout). */
  next: z.string().regex(PORTAL_PATH).optional(),
  /** Billfold extension: the language the platform chose for this session. */
  locale: z.enum(SUPPORTED_LOCALES).optional(),
});

export type TokenClaims = z.output<typeof tokenClaimsSchema>;
