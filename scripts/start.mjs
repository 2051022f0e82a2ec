// npm start: build when needed, start the server on the embedded database (or DATABASE_URL),
// seed the demo platform on first run, and print an API key and a working sign-in link.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { adminToken } from "./admin-token.mjs";
import { buildIsFresh } from "./build-state.mjs";
import { buildProduction } from "./production-build.mjs";
import { serverScript } from "./server/server-script.mjs";

const port = process.env.PORT ?? "3000";
const portalUrl = process.env.PORTAL_URL ?? `http://localhost:${port}`;
const dataDir = process.env.BILLFOLD_DATA_DIR ?? ".data";
const env = {
  ...process.env,
  PORTAL_URL: portalUrl,
  BILLFOLD_SEED_DEMO: "1",
  BILLFOLD_ADMIN_TOKEN: adminToken(dataDir),
  NEXT_TELEMETRY_DISABLED: "1",
};

if (!buildIsFresh()) {
  process.stdout.write("Building Billfold (first run or sources changed)…\n");
  const status = await buildProduction(env);
  if (status !== 0) process.exit(status);
}

const server = spawn(process.execPath, [serverScript, "-p", port], { stdio: ["ignore", "inherit", "inherit"], env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

async function waitForHealth() {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await delay(250);
  }
  throw new Error("the server did not become healthy within 150 s");
}

async function mintLink(apiKey, customerId) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/billing-portal/sessions`, {
    method: "POST",
    headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({ customer_id: customerId, return_url: `${portalUrl}/signed-out`, failure_url: `${portalUrl}/signed-out` }),
  });
  if (!res.ok) throw new Error(`minting a link failed: ${res.status} ${await res.text()}`);
  return (await res.json()).redirect_url;
}

try {
  await waitForHealth();
  const demo = JSON.parse(readFileSync(path.resolve(dataDir, "demo.json"), "utf8"));
  const customer = demo.customers[0];
  const link = await mintLink(demo.apiKey, customer.id);
  process.stdout.write(
    [
      "",
      "Billfold is running.",
      `  Portal and API:   ${portalUrl}  (API under ${portalUrl}/api/v1)`,
      `  Database:         ${process.env.DATABASE_URL ? "Postgres (DATABASE_URL)" : `embedded PGlite in ${path.resolve(dataDir, "pglite")}`}`,
      `  Demo API key:     ${demo.apiKey}`,
      `  Sign in as ${customer.name} (link works once, for 10 minutes):`,
      `    ${link}`,
      "  Mint another link:",
      `    npm run mint-link -- ${customer.id}`,
      "",
    ].join("\n") + "\n",
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
}
