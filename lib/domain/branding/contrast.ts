function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function mix(hex: string, toward: "#000000" | "#ffffff", weight: number): string {
  const a = channels(hex);
  const b = channels(toward);
  return toHex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * weight) as [number, number, number]);
}

/**
 * The colour itself when it reaches `minRatio` against `background`; otherwise the nearest shade
 * toward black (light backgrounds) or white (dark backgrounds) that does.
 */
export function ensureContrast(hex: string, background: string, minRatio = 4.5): string {
  if (contrastRatio(hex, background) >= minRatio) return hex.toLowerCase();
  const toward = luminance(background) > 0.5 ? "#000000" : "#ffffff";
  for (let w = 0.02; w <= 1; w += 0.02) {
    const candidate = mix(hex, toward, w);
    if (contrastRatio(candidate, background) >= minRatio) return candidate;
  }
  return toward;
}

/** Black or white text, whichever reads better on `background`. */
export function readableOn(background: string): "#000000" | "#ffffff" {
  return contrastRatio("#ffffff", background) >= contrastRatio("#000000", background) ? "#ffffff" : "#000000";
}

/** `base` with `weight` of `over` mixed in, as `color-mix(in srgb, over weight, base)` would paint it. */
export function mixColors(base: string, over: string, weight: number): string {
  const a = channels(base);
  const b = channels(over);
  return toHex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * weight) as [number, number, number]);
}
