import { execFile, execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { promisify } from "node:util";
import pg from "pg";
import { binDir, command, run } from "./cluster";

// The rest of a production topology around a primary (startOwnCluster): a streaming replica made with
// pg_basebackup, and PgBouncer in transaction pooling in front of the primary. All throwaway, in temp
// dirs owned by the postgres user (Postgres and PgBouncer refuse to run as root).

function ownedTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  if (process.getuid?.() === 0) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  chmodSync(dir, 0o700);
  return dir;
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await check().catch(() => false)) return;
    await delay(100);
  }
  throw new Error(`${what} did not come up`);
}

const answers = async (url: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT 1");
  await client.end();
  return true;
};

export interface Replica {
  url(database: string): string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): void;
}

/** A hot standby of the primary on `primaryPort`, streaming from it, on `port`. */
export async function startReplica(primaryPort: number, port: number): Promise<Replica> {
  const bin = binDir();
  const dir = ownedTempDir("billfold-replica-");
  const data = path.join(dir, "data");
  run(path.join(bin, "pg_basebackup"), ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", data, "-R", "-X", "stream", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c hot_standby=on -c max_connections=200`;
  const ctl = async (...args: string[]) => {
    const [cmd, argv] = command(path.join(bin, "pg_ctl"), ["-D", data, "-l", path.join(dir, "log"), "-w", ...args]);
    await promisify(execFile)(cmd, argv);
  };
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  await ctl("-o", options, "start");
  return {
    url,
    stop: () => ctl("-m", "fast", "stop"),
    start: () => ctl("-o", options, "start"),
    destroy() {
      if (existsSync(path.join(data, "postmaster.pid"))) run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Bouncer {
  url(database: string): string;
  /** Stops PgBouncer at once (every client connection cut) and starts it again. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** PgBouncer on `port` in transaction pooling, in front of the primary on `primaryPort`. */
export async function startBouncer(primaryPort: number, port: number, poolSize: number): Promise<Bouncer> {
  const dir = ownedTempDir("billfold-pgbouncer-");
  const ini = path.join(dir, "pgbouncer.ini");
  const pidfile = path.join(dir, "pgbouncer.pid");
  writeFileSync(path.join(dir, "users.txt"), '"postgres" ""\n');
  writeFileSync(
    ini,
    [
      "[databases]",
      `* = host=127.0.0.1 port=${primaryPort}`,
      "[pgbouncer]",
      `listen_addr = 127.0.0.1`,
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${path.join(dir, "users.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      "max_client_conn = 500",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      `pidfile = ${pidfile}`,
      "",
    ].join("\n"),
  );
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const start = async () => {
    const [cmd, argv] = command("/usr/sbin/pgbouncer", ["-d", ini]);
    await promisify(execFile)(cmd, argv);
    await until("PgBouncer", () => answers(url("postgres")));
  };
  const stop = async () => {
    const pid = Number(readFileSync(pidfile, "utf8").trim());
    process.kill(pid, "SIGTERM");
    while (existsSync(`/proc/${pid}`)) await delay(20);
  };
  await start();
  return {
    url,
    restart: async () => {
      await stop();
      await start();
    },
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

