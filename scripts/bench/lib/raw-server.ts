import { spawn } from "node:child_process";
import { setTimeout as delay } from "node:timers/promises";

// A bare node:http server in its own process that reads the body and answers a constant: the
// transport's ceiling, beside which the framework's and Billfold's own figures are read.
const SOURCE = `require("node:http").createServer((req, res) => {
  req.resume();
  req.on("end", () => res.writeHead(201, { "content-type": "application/json" }).end('{"ok":true}'));
}).listen(Number(process.argv[1]), "127.0.0.1");`;

export async function startRawServer(port: number): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["-e", SOURCE, String(port)], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(url, { method: "POST", body: "{}" }).then((r) => r.ok, () => false)) break;
    await delay(50);
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.on("exit", resolve)));
    },
  };
}
