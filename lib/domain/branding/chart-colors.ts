import type { Branding } from "@/lib/domain/platforms/branding-schema";

// After the platform's own two colours, hues that stay distinguishable from each other in both themes.
const EXTRA = ["#f59e0b", "#10b981", "#ef4444", "#3b82f6", "#a855f7", "#64748b"];

/** Colours for a chart's series, starting with the platform's brand and accent. */
export function chartColors(branding: Branding): string[] {
  return [branding.primaryColor, branding.accentColor, ...EXTRA];
}
