import { readdirSync, readFileSync } from "node:fs";

// CPU time from /proc (Linux): what one event costs the server and the database, on the same clock as the run.
const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuOf(pid: number | string): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** CPU milliseconds the process has used so far (user + system). */
export function processCpuMs(pid: number): number {
  return cpuOf(pid);
}

/** CPU milliseconds used so far by the Postgres backends serving `database` (their process title names it). */
export function postgresCpuMs(database: string): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
      if (cmdline.startsWith("postgres: ") && cmdline.includes(` ${database} `)) total += cpuOf(pid);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}
