// npm run platform:create -- --name "Acme AI" [--url http://localhost:3000]
// Creates a platform and prints its test and live API keys (shown once). Goes through the admin API of the
// server `npm start` runs on this data directory (PGlite allows one process), else opens the database itself.
import { parseArgs } from "node:util";
// @ts-expect-error -- plain ESM helper shared with the start script
import { adminToken } from "./admin-token.mjs";
import { runningServer } from "./running-server.mjs";

const { values } = parseArgs({ options: { name: { type: "string" }, url: { type: "string" } } });
if (!values.name?.trim()) {
  process.stderr.write('Usage: npm run platform:create -- --name "Acme AI"\n');
  process.exit(2);
}
const running = runningServer();
const base = values.url ?? running?.url ?? process.env.PORTAL_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;

interface Created {
  id: string;
  test_key: string;
  live_key: string;
}

async function viaServer(): Promise<Created | null> {
  const healthy = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
  if (!healthy) return null;
  const res = await fetch(`${base}/api/admin/platforms`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken() as string}`, "content-type": "application/json" },
    body: JSON.stringify({ name: values.name }),
  });
  if (!res.ok) {
    const dataDir = process.env.BILLFOLD_DATA_DIR ?? ".data";
    throw new Error(`The server at ${base} refused (${res.status}): it was not started with the data directory ${dataDir} (set BILLFOLD_DATA_DIR to the one it uses).`);
  }
  return (await res.json()) as Created;
}

async function direct(): Promise<Created> {
  if (running) throw new Error(`npm start is serving this data directory at ${running.url} but does not answer there; try again once it is up.`);
  const { getDatabase } = await import("../lib/kernel/db");
  const { createPlatform } = await import("../lib/domain/platforms/create-platform");
  const database = await getDatabase();
  const p = await createPlatform(database.db, { name: values.name!.trim() });
  await database.close();
  return { id: p.id, test_key: p.testKey, live_key: p.liveKey };
}

try {
  const created = (await viaServer()) ?? (await direct());
  process.stdout.write(
    [
      `Platform ${values.name} created: ${created.id}`,
      `  Test key: ${created.test_key}`,
      `  Live key: ${created.live_key}`,
      "Keys are stored hashed and cannot be shown again. Send one as X-CREDYT-API-KEY, Authorization: Bearer or X-API-Key.",
      "",
    ].join("\n"),
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
