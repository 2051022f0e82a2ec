import { ensureContrast, readableOn } from "./contrast";
import type { Branding } from "./schema";

// The surfaces text sits on in each theme (app/globals.css); brand text colours are checked against them.
export const LIGHT_SURFACE = "#ffffff";
export const DARK_SURFACE = "#171a21";

export interface ThemeVariables {
  className: string;
  style: Record<string, string>;
}

/**
 * CSS variables for a platform's colours. Text drawn in a brand colour is darkened or lightened
 * until it reaches WCAG AA (4.5:1) on the theme's surface; fills keep the exact brand colour with
 * black or white text on them, whichever contrasts more.
 */
export function themeVariables(branding: Branding, override?: "light" | "dark"): ThemeVariables {
  const theme = override ?? branding.theme;
  const brandLight = ensureContrast(branding.primaryColor, LIGHT_SURFACE);
  const brandDark = ensureContrast(branding.primaryColor, DARK_SURFACE);
  const accentLight = ensureContrast(branding.accentColor, LIGHT_SURFACE);
  const accentDark = ensureContrast(branding.accentColor, DARK_SURFACE);
  const dark = theme === "dark";
  return {
    className: theme === "dark" ? "dark" : theme === "light" ? "light" : "system",
    style: {
      "--brand": branding.primaryColor,
      "--brand-fg": readableOn(branding.primaryColor),
      "--brand-text": dark ? brandDark : brandLight,
      "--brand-text-dark": brandDark,
      "--brand-soft": `color-mix(in srgb, ${branding.primaryColor} 12%, transparent)`,
      "--accent": branding.accentColor,
      "--accent-fg": readableOn(branding.accentColor),
      "--accent-text": dark ? accentDark : accentLight,
      "--accent-text-dark": accentDark,
    },
  };
}
