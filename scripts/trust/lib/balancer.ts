import { createServer, request, type IncomingMessage, type Server } from "node:http";

/**
 * A round-robin HTTP load balancer in front of Billfold instances, behaving as nginx does by default: an
 * instance that refuses the connection is skipped and the request goes to the next one; so is one that
 * drops a GET or HEAD (safe to send again); a write whose answer was lost after it was sent is a 502
 * (the client retries it, and idempotency keeps that safe).
 */
export interface Balancer {
  url: string;
  close(): Promise<void>;
}

function forward(req: IncomingMessage, body: Buffer, port: number): Promise<{ status: number; headers: IncomingMessage["headers"]; body: Buffer } | "refused" | "lost"> {
  return new Promise((resolve) => {
    const upstream = request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers: req.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", () => resolve("lost"));
    });
    upstream.on("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED" ? "refused" : "lost"));
    upstream.end(body);
  });
}

export async function startBalancer(port: number, upstreams: number[]): Promise<Balancer> {
  let next = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      for (let tries = 0; tries < upstreams.length; tries++) {
        const target = upstreams[next++ % upstreams.length]!;
        const answer = await forward(req, body, target);
        if (answer === "refused" || (answer === "lost" && (req.method === "GET" || req.method === "HEAD"))) continue;
        if (answer === "lost") break;
        res.writeHead(answer.status, answer.headers);
        return void res.end(answer.body);
      }
      res.writeHead(502, { "content-type": "text/plain" });
      res.end("Bad Gateway");
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
