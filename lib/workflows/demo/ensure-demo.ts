import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { customers, serverSettings } from "@/lib/kernel/db/schema";
import { env } from "@/lib/kernel/env";
import { issueApiKey } from "@/lib/domain/platforms/api-keys";
import { createPlatform } from "@/lib/domain/platforms/create-platform";
import { findPlatform } from "@/lib/domain/platforms/get-platform";
import { seedDemo, type DemoCredentials } from "./seed-demo";

const DEMO_MARKER = "demo_platform_id";
const SANDBOX_MARKER = "sandbox_platform_id";

/** The platform `npm start` creates empty beside the demo, for following an integration guide from scratch. */
const SANDBOX_NAME = "Sandbox";

/** What `npm start` prints: the demo platform (key, customers) and the empty one. */
export interface StartCredentials extends DemoCredentials {
  sandbox: { platformId: string; apiKey: string };
}

function demoCredentialsPath(): string {
  return path.resolve(env().BILLFOLD_DATA_DIR, "demo.json");
}

async function markedPlatform(db: Db, marker: string): Promise<string | null> {
  const [row] = await db.select().from(serverSettings).where(eq(serverSettings.key, marker)).limit(1);
  return row && (await findPlatform(db, row.value)) ? row.value : null;
}

const mark = (db: Db, marker: string, platformId: string) =>
  db.insert(serverSettings).values({ key: marker, value: platformId }).onConflictDoUpdate({ target: serverSettings.key, set: { value: platformId } });

async function demoCredentials(db: Db): Promise<DemoCredentials> {
  const platformId = await markedPlatform(db, DEMO_MARKER);
  if (!platformId) {
    const seeded = await seedDemo(db);
    await mark(db, DEMO_MARKER, seeded.platformId);
    return seeded;
  }
  const rows = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.platformId, platformId), eq(customers.liveMode, false)))
    .orderBy(asc(customers.createdAt));
  // Keys are stored hashed, so a lost credentials file is replaced by a freshly issued key.
  const apiKey = await issueApiKey(db, platformId, false);
  return { platformId, apiKey, customers: rows.map((r) => ({ id: r.id, name: r.name ?? r.id })) };
}

async function sandboxCredentials(db: Db): Promise<StartCredentials["sandbox"]> {
  const platformId = await markedPlatform(db, SANDBOX_MARKER);
  if (platformId) return { platformId, apiKey: await issueApiKey(db, platformId, false) };
  const created = await createPlatform(db, { name: SANDBOX_NAME });
  await mark(db, SANDBOX_MARKER, created.id);
  return { platformId: created.id, apiKey: created.testKey };
}

function savedCredentials(): Partial<StartCredentials> | null {
  const file = demoCredentialsPath();
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<StartCredentials>) : null;
}

/**
 * Seeds the demo platform and creates the empty sandbox platform on first run, and keeps their test keys
 * in `<data dir>/demo.json` (git-ignored), so `npm start` can print working keys and a sign-in link every time.
 */
export async function ensureDemo(db: Db): Promise<StartCredentials> {
  const saved = savedCredentials();
  const demoSaved = saved?.platformId && saved.apiKey && saved.customers && (await findPlatform(db, saved.platformId));
  const demo: DemoCredentials = demoSaved ? { platformId: saved.platformId!, apiKey: saved.apiKey!, customers: saved.customers! } : await demoCredentials(db);
  const sandboxSaved = saved?.sandbox && (await findPlatform(db, saved.sandbox.platformId));
  const sandbox = sandboxSaved ? saved.sandbox! : await sandboxCredentials(db);
  const credentials: StartCredentials = { ...demo, sandbox };
  const file = demoCredentialsPath();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}
