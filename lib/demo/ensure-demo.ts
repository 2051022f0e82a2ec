import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db";
import { customers, serverSettings } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { issueApiKey } from "@/lib/platforms/api-keys";
import { findPlatform } from "@/lib/platforms/get-platform";
import { seedDemo, type DemoCredentials } from "./seed-demo";

const MARKER = "demo_platform_id";

export function demoCredentialsPath(): string {
  return path.resolve(env().BILLFOLD_DATA_DIR, "demo.json");
}

async function credentialsFor(db: Db, platformId: string): Promise<DemoCredentials> {
  const rows = await db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(and(eq(customers.platformId, platformId), eq(customers.liveMode, false)))
    .orderBy(asc(customers.createdAt));
  // Keys are stored hashed, so a lost credentials file is replaced by a freshly issued key.
  const apiKey = await issueApiKey(db, platformId, false);
  return { platformId, apiKey, customers: rows.map((r) => ({ id: r.id, name: r.name ?? r.id })) };
}

/**
 * Seeds the demo platform on first run and keeps its test key in `<data dir>/demo.json` (git-ignored),
 * so `npm start` can print a working key and sign-in link every time.
 */
export async function ensureDemo(db: Db): Promise<DemoCredentials> {
  const file = demoCredentialsPath();
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as DemoCredentials;
    if (await findPlatform(db, saved.platformId)) return saved;
  }
  const [marker] = await db.select().from(serverSettings).where(eq(serverSettings.key, MARKER)).limit(1);
  const credentials =
    marker && (await findPlatform(db, marker.value)) ? await credentialsFor(db, marker.value) : await seedDemo(db);
  if (!marker) await db.insert(serverSettings).values({ key: MARKER, value: credentials.platformId }).onConflictDoNothing();
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  return credentials;
}
