// Builds the production bundle when it is missing or older than the sources.
import { buildIsFresh } from "./build-state.mjs";
import { buildProduction } from "./production-build.mjs";

if (buildIsFresh()) {
  process.stdout.write("Production build is up to date.\n");
} else {
  process.stdout.write("Building Billfold (next build)…\n");
  const status = await buildProduction();
  if (status !== 0) process.exit(status);
}
