import { readFileSync } from "node:fs";
import { join } from "node:path";

/*
 * Fonts come from an npm package, read from node_modules at run time (nothing is downloaded). Noto Sans
 * covers Latin, Greek and Cyrillic. They are read as files, not imported, so the bundler leaves them be.
 */
const NOTO_SANS = join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans");

let cache: { regular: Buffer; bold: Buffer } | null = null;

export function documentFonts(): { regular: Buffer; bold: Buffer } {
  cache ??= {
    regular: readFileSync(join(NOTO_SANS, "400Regular", "NotoSans_400Regular.ttf")),
    bold: readFileSync(join(NOTO_SANS, "700Bold", "NotoSans_700Bold.ttf")),
  };
  return cache;
}
