// Starts the production build for the Playwright suite on a fresh, throwaway embedded database.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { serverScript } from "./server/server-script.mjs";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "billfold-e2e-"));
const server = spawn(process.execPath, [serverScript, "-p", process.env.E2E_PORT], {
  stdio: "inherit",
  env: { ...process.env, BILLFOLD_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
});
function stop(signal) {
  server.kill(signal);
}
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
server.on("exit", (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
