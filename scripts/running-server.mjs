import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const fileOf = (dataDir) => path.resolve(dataDir, "server.json");

/** `npm start` notes where it serves, so the other commands find it whatever PORT it was given. */
export function recordServer(dataDir, url, pid) {
  writeFileSync(fileOf(dataDir), `${JSON.stringify({ url, pid })}\n`);
}

export function forgetServer(dataDir) {
  rmSync(fileOf(dataDir), { force: true });
}

/** The server `npm start` runs on this data directory, if it is still alive: `{ url, pid }` or null. */
export function runningServer(dataDir = process.env.BILLFOLD_DATA_DIR ?? ".data") {
  if (!existsSync(fileOf(dataDir))) return null;
  try {
    const server = JSON.parse(readFileSync(fileOf(dataDir), "utf8"));
    process.kill(server.pid, 0);
    return server;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; anything else means it is gone.
    return error?.code === "EPERM" ? JSON.parse(readFileSync(fileOf(dataDir), "utf8")) : null;
  }
}
