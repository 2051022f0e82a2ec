import { readableOn } from "@/lib/domain/branding/contrast";
import type { Branding } from "@/lib/domain/platforms/branding-schema";

/**
 * The tab icon for a platform's portal: its logo, or the first letter of its name on its brand colour
 * (an inline SVG, so nothing is fetched), so a customer with many tabs finds the platform's billing.
 */
export function platformIcon(branding: Branding): string {
  if (branding.logoUrl) return branding.logoUrl;
  const letter = (branding.name.trim()[0] ?? "?").toUpperCase().replace(/[<>&"']/g, "");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="${branding.primaryColor}"/>` +
    `<text x="16" y="22" font-family="system-ui,sans-serif" font-size="18" font-weight="700" text-anchor="middle" fill="${readableOn(branding.primaryColor)}">${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
