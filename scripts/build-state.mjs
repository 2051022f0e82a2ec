import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "i18n", "messages", "public", "instrumentation.ts", "proxy.ts", "next.config.ts", "tailwind.config.ts", "postcss.config.mjs", "package.json", "package-lock.json", "tsconfig.json"];

/** Written beside the build: whether it is a benchmark build (with the *.bench.ts routes) or a normal one. */
export const FLAVOUR_FILE = path.join(".next", "billfold-build.json");

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(target)) {
    if (name === "node_modules" || name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(path.join(target, name)));
  }
  return newest;
}

function builtFlavour(root) {
  try {
    return JSON.parse(readFileSync(path.join(root, FLAVOUR_FILE), "utf8")).bench === true;
  } catch {
    return false;
  }
}

/** True when .next holds a production build of the wanted flavour, newer than every source file. */
export function buildIsFresh(root = process.cwd(), { bench = false } = {}) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId) || builtFlavour(root) !== bench) return false;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.every((s) => newestMtime(path.join(root, s)) <= built);
}
