import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Database, Db } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate";
import { openDatabase } from "@/lib/db/open";

export interface PgliteSnapshot {
  file: string;
  remove(): Promise<void>;
}

/**
 * A fresh PGlite runs initdb and then every migration, seconds of CPU per test file. The run does that
 * once (global-setup) and writes the migrated data directory to a file that each file's databases load.
 */
export async function writePgliteSnapshot(): Promise<PgliteSnapshot> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await PGlite.create({ dataDir: "memory://" });
  const dir = await mkdtemp(path.join(os.tmpdir(), "billfold-pglite-"));
  const file = path.join(dir, "migrated.tar");
  try {
    await migrateDatabase({ db: drizzle({ client }) as unknown as Db, kind: "pglite", close: () => client.close() });
    // Written to the data files now, so a loaded copy starts without replaying the migrations' WAL.
    await client.exec("CHECKPOINT");
    const tarball = await client.dumpDataDir("none");
    await writeFile(file, Buffer.from(await tarball.arrayBuffer()));
  } finally {
    await client.close();
  }
  return { file, remove: () => rm(dir, { recursive: true, force: true }) };
}

let tarball: Promise<Blob> | undefined;

/**
 * A new PGlite holding a copy of the run's migrated database, in memory unless `dataDir` names an empty
 * directory; the snapshot file is read once per test file.
 */
export async function openPgliteCopy(file: string, dataDir = "memory://"): Promise<Database> {
  tarball ??= readFile(file).then((bytes) => new Blob([bytes]));
  return openDatabase({ dataDir, loadDataDir: await tarball, migrate: false });
}
