import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/*
 * Fonts come from npm packages, read from node_modules at run time (nothing is downloaded). Noto Sans
 * covers Latin, Greek and Cyrillic.
 */
const require = createRequire(import.meta.url);

let cache: { regular: Buffer; bold: Buffer } | null = null;

export function documentFonts(): { regular: Buffer; bold: Buffer } {
  cache ??= {
    regular: readFileSync(require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf")),
    bold: readFileSync(require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf")),
  };
  return cache;
}
