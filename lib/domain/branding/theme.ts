import { ensureContrast, mixColors, readableOn } from "./contrast";
import type { Branding } from "@/lib/domain/platforms/branding-schema";

// The surfaces text sits on in each theme (app/globals.css); brand text colours are checked against them.
export const LIGHT_SURFACE = "#ffffff";
export const DARK_SURFACE = "#171a21";
// Brand-tinted backgrounds (active nav item, highlights) are the brand at 12% over the surface.
const SOFT_WEIGHT = 0.12;

export interface ThemeVariables {
  className: string;
  style: Record<string, string>;
}

/** A text shade of `color` that keeps 4.5:1 on the surface and on the brand-tinted surface of a theme. */
function textShade(color: string, brand: string, surface: string): string {
  const onSurface = ensureContrast(color, surface);
  return ensureContrast(onSurface, mixColors(surface, brand, SOFT_WEIGHT));
}

/**
 * CSS variables for a platform's colours. Text drawn in a brand colour is darkened or lightened
 * until it reaches WCAG AA (4.5:1) in each theme; fills keep the exact brand colour with black or
 * white text on them, whichever contrasts more. The stylesheet picks the light or dark text shade
 * (app/globals.css), so a "system" theme follows the reader's preference.
 */
export function themeVariables(branding: Branding, override?: "light" | "dark"): ThemeVariables {
  const theme = override ?? branding.theme;
  const { primaryColor: brand, accentColor: accent } = branding;
  return {
    className: theme === "dark" ? "dark" : theme === "light" ? "light" : "system",
    style: {
      "--brand": brand,
      "--brand-fg": readableOn(brand),
      "--brand-text-light": textShade(brand, brand, LIGHT_SURFACE),
      "--brand-text-dark": textShade(brand, brand, DARK_SURFACE),
      "--brand-soft": `color-mix(in srgb, ${brand} ${SOFT_WEIGHT * 100}%, transparent)`,
      "--accent": accent,
      "--accent-fg": readableOn(accent),
      "--accent-text-light": textShade(accent, brand, LIGHT_SURFACE),
      "--accent-text-dark": textShade(accent, brand, DARK_SURFACE),
    },
  };
}
