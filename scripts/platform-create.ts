// npm run platform:create -- --name "Acme AI"
// Creates a platform and prints its test and live API keys (shown once). Goes through the running
// server's admin API when Billfold is up (PGlite allows one process), else opens the database directly.
import { parseArgs } from "node:util";
// @ts-expect-error -- plain ESM helper shared with the start script
import { adminToken } from "./admin-token.mjs";

const { values } = parseArgs({ options: { name: { type: "string" }, url: { type: "string" } } });
if (!values.name?.trim()) {
  process.stderr.write('Usage: npm run platform:create -- --name "Acme AI"\n');
  process.exit(2);
}
const base = values.url ?? process.env.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;

async function viaServer(): Promise<{ id: string; test_key: string; live_key: string } | null> {
  const healthy = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
  if (!healthy) return null;
  const res = await fetch(`${base}/api/admin/platforms`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken() as string}`, "content-type": "application/json" },
    body: JSON.stringify({ name: values.name }),
  });
  if (!res.ok) throw new Error(`The running server refused (${res.status}). Was it started with this data directory?`);
  return (await res.json()) as { id: string; test_key: string; live_key: string };
}

async function direct() {
  const { getDatabase } = await import("../lib/db");
  const { createPlatform } = await import("../lib/platforms/create-platform");
  const database = await getDatabase();
  const p = await createPlatform(database.db, { name: values.name!.trim() });
  await database.close();
  return { id: p.id, test_key: p.testKey, live_key: p.liveKey };
}

const created = (await viaServer()) ?? (await direct());
process.stdout.write(
  [
    `Platform ${values.name} created: ${created.id}`,
    `  Test key: ${created.test_key}`,
    `  Live key: ${created.live_key}`,
    "Keys are stored hashed and cannot be shown again.",
    "",
  ].join("\n"),
);
