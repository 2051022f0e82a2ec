import { z } from "zod";
import { patternField, shortText, textField, urlField } from "@/lib/kernel/fields/fields";

const hexColor = patternField(/^#[0-9a-fA-F]{6}$/, "Must be a hex colour such as #4f46e5.", 7);

const httpsUrl = urlField()
  .refine((v) => {
    try {
      return new URL(v).protocol === "https:";
    } catch {
      return false;
    }
  }, "Must be an absolute https:// URL.");

const origin = textField(300)
  .refine((v) => {
    try {
      const url = new URL(v);
      return (url.protocol === "https:" || url.protocol === "http:") && url.origin === v.replace(/\/$/, "");
    } catch {
      return false;
    }
  }, "Must be an origin such as https://app.example.com (scheme, host and optional port only).")
  .transform((v) => new URL(v).origin);

/** Everything a platform can set about how the portal looks and where it links to. */
export const brandingSchema = z.strictObject({
  name: shortText(80).optional(),
  logo_url: httpsUrl.nullish(),
  primary_color: hexColor.optional(),
  accent_color: hexColor.optional(),
  theme: z.enum(["light", "dark", "system"]).optional(),
  home_url: httpsUrl.nullish(),
  support_url: httpsUrl.nullish(),
  terms_url: httpsUrl.nullish(),
  privacy_url: httpsUrl.nullish(),
  allowed_redirect_origins: z.array(origin).max(20).optional(),
  embed_origins: z.array(origin).max(20).optional(),
});

export type BrandingInput = z.output<typeof brandingSchema>;

export interface Branding {
  name: string;
  logoUrl: string | null;
  primaryColor: string;
  accentColor: string;
  theme: "light" | "dark" | "system";
  homeUrl: string | null;
  supportUrl: string | null;
  termsUrl: string | null;
  privacyUrl: string | null;
  allowedRedirectOrigins: string[];
  embedOrigins: string[];
}

const DEFAULT_PRIMARY = "#4f46e5";
const DEFAULT_ACCENT = "#0d9488";

/** Stored branding (a loosely typed JSON column) read back with defaults filled in. */
export function readBranding(platformName: string, stored: Record<string, unknown>): Branding {
  const parsed = brandingSchema.safeParse(stored);
  const b: BrandingInput = parsed.success ? parsed.data : {};
  return {
    name: b.name ?? platformName,
    logoUrl: b.logo_url ?? null,
    primaryColor: b.primary_color ?? DEFAULT_PRIMARY,
    accentColor: b.accent_color ?? DEFAULT_ACCENT,
    theme: b.theme ?? "system",
    homeUrl: b.home_url ?? null,
    supportUrl: b.support_url ?? null,
    termsUrl: b.terms_url ?? null,
    privacyUrl: b.privacy_url ?? null,
    allowedRedirectOrigins: b.allowed_redirect_origins ?? [],
    embedOrigins: b.embed_origins ?? [],
  };
}
