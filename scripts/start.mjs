// npm start: build when needed, start the server on the embedded database (or DATABASE_URL), seed the
// demo platform and an empty one on first run, and print their keys, a sign-in link and what to do next.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { adminToken } from "./admin-token.mjs";
import { buildIsFresh } from "./build-state.mjs";
import { buildProduction } from "./production-build.mjs";
import { forgetServer, recordServer } from "./running-server.mjs";
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
  process.stdout.write("Building Billfold (first run or sources changed; a minute or two)…\n");
  const buildStarted = Date.now();
  const status = await buildProduction(env, { quiet: true });
  if (status !== 0) process.exit(status);
  process.stdout.write(`Built in ${Math.round((Date.now() - buildStarted) / 1000)} s.\n`);
}

// The server's own start-up lines wait until the welcome is printed, and are shown only if it never comes.
const server = spawn(process.execPath, [serverScript, "-p", port], { stdio: ["ignore", "pipe", "inherit"], env });
const startup = [];
let started = false;
server.stdout.on("data", (chunk) => (started ? process.stdout.write(chunk) : startup.push(chunk)));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  forgetServer(dataDir);
  if (!started) process.stdout.write(Buffer.concat(startup));
  process.exit(code ?? 0);
});

async function waitForHealth() {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) return;
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

function welcome(demo, link) {
  const customer = demo.customers[0];
  const database = process.env.DATABASE_URL ? "Postgres (DATABASE_URL)" : `embedded PGlite in ${path.resolve(dataDir, "pglite")}`;
  return [
    "",
    `Billfold is running: portal and API on ${portalUrl} (API under /api/v1).`,
    "",
    "Demo platform \"Glitch AI\", with six months of sample data:",
    `  API key:  ${demo.apiKey}`,
    `  Sign in as ${customer.name} (this link works once, for 10 minutes; npm run mint-link -- ${customer.id} makes another):`,
    `  ${link}`,
    "",
    "Your own platform \"Sandbox\", created empty, to follow an integration guide (such as Credyt's) from scratch:",
    `  API key:  ${demo.sandbox.apiKey}`,
    "  Send the key as X-CREDYT-API-KEY, Authorization: Bearer or X-API-Key. Another empty platform:",
    '  npm run platform:create -- --name "Acme AI"',
    "",
    `Database: ${database}. Stop with Ctrl+C.`,
    "",
  ].join("\n");
}

try {
  await waitForHealth();
  recordServer(dataDir, `http://127.0.0.1:${port}`, server.pid);
  const demo = JSON.parse(readFileSync(path.resolve(dataDir, "demo.json"), "utf8"));
  const link = await mintLink(demo.apiKey, demo.customers[0].id);
  started = true;
  process.stdout.write(`${welcome(demo, link)}\n`);
} catch (error) {
  started = true;
  process.stdout.write(Buffer.concat(startup));
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
}
