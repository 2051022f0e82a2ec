import { execFileSync } from "node:child_process";
import net from "node:net";

/** A TCP port nothing listens on now, chosen by the OS, so parallel runs on one machine never collide. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The same, for configuration files that cannot await (playwright.config.ts). */
export function freePortSync() {
  const probe = `import("${import.meta.url}").then(async (m) => process.stdout.write(String(await m.freePort())))`;
  return Number(execFileSync(process.execPath, ["--input-type=module", "-e", probe], { encoding: "utf8" }));
}
