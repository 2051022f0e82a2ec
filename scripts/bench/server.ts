import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";
// @ts-expect-error -- plain ESM helper shared with the start script
import { nextBin } from "../next-bin.mjs";

export interface BenchServer {
  url: string;
  pid: number;
  adminToken: string;
  /** Highest resident set size seen while it ran, in MB (sampled every 250 ms). */
  peakRssMb(): number;
  stop(): Promise<void>;
}

function rssMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** Starts the production build (`next start`) on `port` against the given database, with the bench echo route on. */
export async function startServer(port: number, database: { url?: string; dataDir: string }): Promise<BenchServer> {
  const adminToken = randomBytes(32).toString("base64url");
  const url = `http://127.0.0.1:${port}`;
  // Profiling a run: BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, nextBin as string, "start", "-p", String(port)], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: database.url ?? "",
      BILLFOLD_DATA_DIR: database.dataDir,
      BILLFOLD_ADMIN_TOKEN: adminToken,
      BILLFOLD_SECRET: randomBytes(32).toString("base64url"),
      BILLFOLD_SEED_DEMO: "0",
      BILLFOLD_JOBS: "off",
      BILLFOLD_BENCH: "1",
      PORTAL_URL: url,
    },
  });
  let exited = false;
  child.on("exit", () => (exited = true));
  for (let i = 0; ; i++) {
    if (exited) throw new Error("the server exited while starting");
    if (i > 600) throw new Error("the server did not become healthy in 120 s");
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    await delay(200);
  }
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(child.pid!))), 250);
  return {
    url,
    pid: child.pid!,
    adminToken,
    peakRssMb: () => peak,
    stop: async () => {
      clearInterval(sampler);
      if (exited) return;
      const done = new Promise<void>((resolve) => child.on("exit", () => resolve()));
      child.kill("SIGTERM");
      await Promise.race([done, delay(10_000).then(() => void child.kill("SIGKILL"))]);
      await done;
    },
  };
}
