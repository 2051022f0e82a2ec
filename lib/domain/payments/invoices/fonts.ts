import { readFileSync } from "node:fs";
import { join } from "node:path";

/*
 * Fonts come from npm packages, read from node_modules at run time (nothing is downloaded), as files
 * rather than imports so the bundler leaves them be. Noto Sans covers Latin, Greek and Cyrillic; Noto
 * Sans SC covers Chinese and Japanese (and Latin), and is loaded only for text that needs it.
 */
const PACKAGES = join(process.cwd(), "node_modules", "@expo-google-fonts");

export type FaceName = "regular" | "bold" | "cjk-regular" | "cjk-bold";

const FILES: Record<FaceName, string[]> = {
  regular: ["noto-sans", "400Regular", "NotoSans_400Regular.ttf"],
  bold: ["noto-sans", "700Bold", "NotoSans_700Bold.ttf"],
  "cjk-regular": ["noto-sans-sc", "400Regular", "NotoSansSC_400Regular.ttf"],
  "cjk-bold": ["noto-sans-sc", "700Bold", "NotoSansSC_700Bold.ttf"],
};

const cache = new Map<FaceName, Buffer>();

export function fontFile(face: FaceName): Buffer {
  let data = cache.get(face);
  if (!data) {
    data = readFileSync(join(PACKAGES, ...FILES[face]));
    cache.set(face, data);
  }
  return data;
}

// Han ideographs, kana, CJK punctuation and full-width forms.
const CJK = /[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** The face that can draw `text`: Noto Sans, or Noto Sans SC when the text has Chinese or Japanese in it. */
export function faceFor(text: string, weight: "regular" | "bold"): FaceName {
  return CJK.test(text) ? `cjk-${weight}` : weight;
}
