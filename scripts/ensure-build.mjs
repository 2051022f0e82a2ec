// Builds the production bundle when it is missing or older than the sources.
import { spawnSync } from "node:child_process";
import { buildIsFresh } from "./build-state.mjs";
import { nextBin } from "./next-bin.mjs";

if (buildIsFresh()) {
  process.stdout.write("Production build is up to date.\n");
} else {
  process.stdout.write("Building Billfold (next build)…\n");
  const result = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
