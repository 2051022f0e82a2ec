import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { platforms } from "@/lib/db/schema";
import { getPlatformOrThrow } from "@/lib/platforms/get-platform";
import type { PlatformScope } from "@/lib/scope";
import { contrastRatio } from "./contrast";
import { type Branding, type BrandingInput, brandingSchema, readBranding } from "./schema";
import { DARK_SURFACE, LIGHT_SURFACE, themeVariables } from "./theme";

export interface ContrastAdjustment {
  field: "primary_color" | "accent_color";
  theme: "light" | "dark";
  given: string;
  used_for_text: string;
  ratio: number;
}

/** Where a brand colour is too faint to be text on a theme's surface, the shade used instead (WCAG AA 4.5:1). */
export function contrastAdjustments(branding: Branding): ContrastAdjustment[] {
  const vars = themeVariables(branding).style;
  const pairs = [
    { field: "primary_color" as const, given: branding.primaryColor, light: vars["--brand-text-light"]!, dark: vars["--brand-text-dark"]! },
    { field: "accent_color" as const, given: branding.accentColor, light: vars["--accent-text-light"]!, dark: vars["--accent-text-dark"]! },
  ];
  return pairs.flatMap((p) =>
    (["light", "dark"] as const)
      .map((theme) => ({ theme, used: theme === "light" ? p.light : p.dark, surface: theme === "light" ? LIGHT_SURFACE : DARK_SURFACE }))
      .filter(({ used }) => used.toLowerCase() !== p.given.toLowerCase())
      .map(({ theme, used, surface }) => ({
        field: p.field,
        theme,
        given: p.given,
        used_for_text: used,
        ratio: Math.round(contrastRatio(used, surface) * 100) / 100,
      })),
  );
}

export function serializeBranding(branding: Branding) {
  return {
    name: branding.name,
    logo_url: branding.logoUrl,
    primary_color: branding.primaryColor,
    accent_color: branding.accentColor,
    theme: branding.theme,
    home_url: branding.homeUrl,
    support_url: branding.supportUrl,
    terms_url: branding.termsUrl,
    privacy_url: branding.privacyUrl,
    allowed_redirect_origins: branding.allowedRedirectOrigins,
    embed_origins: branding.embedOrigins,
    contrast_adjustments: contrastAdjustments(branding),
  };
}

/**
 * Merges the given fields into the platform's branding (null clears an optional URL).
 * @throws NotFoundError
 */
export async function updateBranding(db: Db, scope: PlatformScope, input: BrandingInput): Promise<Branding> {
  const platform = await getPlatformOrThrow(db, scope.platformId);
  const [row] = await db.select({ branding: platforms.branding }).from(platforms).where(eq(platforms.id, platform.id));
  const stored = brandingSchema.safeParse(row?.branding ?? {});
  const merged = { ...(stored.success ? stored.data : {}), ...input };
  await db.update(platforms).set({ branding: merged }).where(eq(platforms.id, platform.id));
  // A connected account's answer shows what its customers will see: its own fields over its parent's.
  if (platform.parentPlatformId) return (await getPlatformOrThrow(db, platform.id)).branding;
  return readBranding(platform.name, merged);
}
