import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_ADMIN_TOKEN, E2E_BASE_URL, E2E_PORT, E2E_SECRET } from "./e2e/env";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `Chromium was not found at ${CHROMIUM}. Install Debian's package with: sudo apt-get install -y chromium ` +
      "(or set CHROMIUM_PATH). Billfold never downloads browsers.",
  );
}

// Flags that keep Chromium from phoning home, which this network refuses.
const QUIET = ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Generous so that a machine busy with another build makes the suite slower, not red.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: CHROMIUM, args: ["--no-sandbox", ...QUIET] },
  },
  projects: [
    { name: "api", testMatch: /api\/.*\.spec\.ts/ },
    { name: "portal", testMatch: /portal\/.*\.spec\.ts/, use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      E2E_PORT: String(E2E_PORT),
      PORTAL_URL: E2E_BASE_URL,
      BILLFOLD_ADMIN_TOKEN: E2E_ADMIN_TOKEN,
      BILLFOLD_SECRET: E2E_SECRET,
      // Specs receive platform webhooks on a server of their own on this machine.
      WEBHOOKS_ALLOW_PRIVATE_DESTINATIONS: "1",
      // The pseudo-locale (en-XA), which e2e/portal/pseudo-locale.spec.ts renders every page in.
      BILLFOLD_PSEUDO_LOCALE: "1",
    },
  },
});
