// The production server: Next's request handler behind a plain Node HTTP server that first answers
// for the build's brotli-compressed assets. `node scripts/server/serve.mjs [-p PORT] [-H HOST]`.
import { createServer } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { apiLane } from "./api-lane.mjs";
import { brotliAssets, serveBrotli } from "./brotli-assets.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// Migrations, the embedded database's default directory and .next are found from the project root.
process.chdir(root);
const { values } = parseArgs({ options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } } });
const port = Number(values.port ?? process.env.PORT ?? 3000);
// No HOSTNAME from the environment: containers set it to their own name, which would bind one interface.
const hostname = values.hostname;

// As `next start` does; set before Next and React load, which pick their builds from it.
process.env.NODE_ENV ||= "production";
process.env.NEXT_RUNTIME = "nodejs";
// Route handlers cannot see the socket: this server hands them its address in a header of its own
// (lib/kernel/rate-limit/client-address.ts), replacing whatever a client sent under that name.
const PEER_HEADER = "x-billfold-peer";
process.env.BILLFOLD_PEER_HEADER = "1";

let resolveReady;
const ready = new Promise((resolve) => (resolveReady = resolve));
const server = createServer((req, res) => {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
  void ready.then(({ assets, handle, lane }) => {
    if (lane(req, res) || serveBrotli(assets, req, res)) return;
    void handle(req, res);
  });
});

// The port is taken before Next starts: Next's start opens the database and the job runner, and a
// server that cannot listen must not go on running them unseen.
let listening = false;
server.on("error", (error) => {
  if (listening) return void process.stderr.write(`Billfold server error: ${error.message}\n`);
  const where = `${hostname ?? "all interfaces"} port ${port}`;
  const why = error.code === "EADDRINUSE" ? "the port is already in use" : error.code === "EACCES" ? "permission denied" : error.message;
  process.stderr.write(`Billfold could not listen on ${where}: ${why} (${error.code ?? "error"}). Nothing was started.\n`);
  process.exit(1);
});
await new Promise((resolve) => server.listen(port, hostname, resolve));
listening = true;

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, port, hostname });
const handle = app.getRequestHandler();
await app.prepare();
const assets = brotliAssets(path.join(root, ".next", "static"));
// BILLFOLD_API_LANE=next sends the API through Next as well (to compare the two paths' answers).
const lane = process.env.BILLFOLD_API_LANE === "next" ? () => false : await apiLane(root);
resolveReady({ assets, handle, lane });
process.stdout.write(`Billfold listening on http://${hostname ?? "localhost"}:${port} (${assets.size} brotli assets)\n`);

let closing = false;
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]]) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close(() => {
      app.close().finally(() => process.exit(code));
    });
  });
}
