// `next build`, then brotli-compress the static assets the server (scripts/server/serve.mjs) sends.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { FLAVOUR_FILE } from "./build-state.mjs";
import { compressStatic } from "./server/brotli-assets.mjs";
import { nextBin } from "./next-bin.mjs";

function run(env, quiet) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, "build"], { stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit", env });
    const output = [];
    if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => output.push(chunk));
    child.on("exit", (code) => {
      // Quiet builds (npm start) show Next's output only when it failed: the route table is noise otherwise.
      if (code !== 0 && quiet) process.stderr.write(Buffer.concat(output));
      resolve(code ?? 1);
    });
  });
}

/**
 * Builds into .next; returns the exit status of the failed step, or 0. `bench` adds the *.bench.ts routes
 * (the benchmarks' echo ceiling); `quiet` keeps Next's output unless the build fails.
 */
export async function buildProduction(env = process.env, { bench = false, quiet = false } = {}) {
  const buildEnv = { ...env, NEXT_TELEMETRY_DISABLED: "1", BILLFOLD_BENCH_BUILD: bench ? "1" : "0" };
  const status = await run(buildEnv, quiet);
  if (status !== 0) return status;
  writeFileSync(path.join(process.cwd(), FLAVOUR_FILE), `${JSON.stringify({ bench })}\n`);
  const written = await compressStatic(path.join(process.cwd(), ".next", "static"));
  if (!quiet) process.stdout.write(`Compressed ${written} static assets with brotli.\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exit(await buildProduction());
