import { existsSync, readdirSync, readFileSync } from "node:fs";
import { setTimeout as delay } from "node:timers/promises";

/** The process and all its descendants, read from /proc (next start may fork workers of its own). */
function tree(pid: number): number[] {
  const out = [pid];
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return out;
  for (const task of readdirSync(tasks)) {
    const children = readFileSync(`${tasks}/${task}/children`, "utf8").trim();
    for (const child of children ? children.split(/\s+/) : []) out.push(...tree(Number(child)));
  }
  return out;
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/State:\s+Z/.test(readFileSync(`/proc/${pid}/status`, "utf8"));

/** `kill -9` of a server we started and everything it started, then waits until none is alive. */
export async function kill9(pid: number): Promise<void> {
  const pids = tree(pid);
  for (const p of pids) {
    try {
      process.kill(p, "SIGKILL");
    } catch {
      // already gone
    }
  }
  while (pids.some(alive)) await delay(20);
}
