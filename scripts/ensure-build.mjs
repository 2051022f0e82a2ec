// Builds the production bundle when it is missing, older than the sources, or of the other flavour:
// `--bench` wants a benchmark build (with the echo route), anything else a normal one.
import { buildIsFresh } from "./build-state.mjs";
import { buildProduction } from "./production-build.mjs";

const bench = process.argv.includes("--bench");
if (buildIsFresh(process.cwd(), { bench })) {
  process.stdout.write("Production build is up to date.\n");
} else {
  process.stdout.write(`Building Billfold (next build${bench ? ", benchmark routes included" : ""})…\n`);
  const status = await buildProduction(process.env, { bench });
  if (status !== 0) process.exit(status);
}
