// `next build`, then brotli-compress the static assets the server (scripts/server/serve.mjs) sends.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { compressStatic } from "./server/brotli-assets.mjs";
import { nextBin } from "./next-bin.mjs";

/** Builds into .next; returns the exit status of the failed step, or 0. */
export async function buildProduction(env = process.env) {
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) return build.status ?? 1;
  const written = await compressStatic(path.join(process.cwd(), ".next", "static"));
  process.stdout.write(`Compressed ${written} static assets with brotli.\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exit(await buildProduction());
