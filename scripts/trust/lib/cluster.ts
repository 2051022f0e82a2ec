import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A throwaway Postgres cluster of our own (never the machine's shared server on 5432): initdb into a
 * temp dir, trust auth on 127.0.0.1, fsync and synchronous_commit on as in production, so it can be
 * restarted with `-m immediate` (a crash: no shutdown checkpoint, recovery from the WAL) mid-load.
 */
export interface OwnCluster {
  url(database: string): string;
  freshDatabase(name: string): Promise<string>;
  /** `pg_ctl restart -m immediate`: every connection is cut, the server recovers from its WAL. */
  crashRestart(): Promise<void>;
  stop(): void;
}

function newestBinDir(): string | null {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, "bin", "pg_ctl"))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? path.join(root, newest, "bin") : null;
}

/** Whether this machine has Postgres installed (Debian's layout); without it only PGlite can be tested. */
export function hasPostgresBinaries(): boolean {
  return newestBinDir() !== null;
}

export function binDir(): string {
  const dir = newestBinDir();
  if (!dir) throw new Error("no Postgres binaries under /usr/lib/postgresql/*/bin");
  return dir;
}

/** initdb and pg_ctl refuse to run as root: run them as the postgres user then. */
export function command(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}

export function run(bin: string, args: string[]): void {
  const [cmd, argv] = command(bin, args);
  execFileSync(cmd, argv, { stdio: ["ignore", "ignore", "inherit"] });
}

export function startOwnCluster(port: number): OwnCluster {
  const bin = binDir();
  const dir = mkdtempSync(path.join(os.tmpdir(), "billfold-trust-pg-"));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  const data = path.join(dir, "data");
  run(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c max_connections=200`;
  const ctlArgs = (...args: string[]) => ["-D", data, "-l", path.join(dir, "log"), "-w", ...args];
  const pgCtl = (...args: string[]) => run(path.join(bin, "pg_ctl"), ctlArgs(...args));
  pgCtl("-o", options, "start");
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  return {
    url,
    async freshDatabase(name) {
      const client = new pg.Client({ connectionString: url("postgres") });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      return url(name);
    },
    // Asynchronous, so that the load keeps running (and failing, and retrying) while Postgres is down.
    async crashRestart() {
      const [cmd, argv] = command(path.join(bin, "pg_ctl"), ctlArgs("-m", "immediate", "-o", options, "restart"));
      await promisify(execFile)(cmd, argv);
    },
    stop() {
      pgCtl("-m", "immediate", "stop");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
