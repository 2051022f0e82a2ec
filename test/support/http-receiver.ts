import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  /** The request's path, e.g. /hooks/connect for a destination registered at `${url}/connect`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** performance.now() when it arrived: tests order events by cause, not by a time budget. */
  at: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Answer the next `n` requests with `status` instead of 200. */
  failNext(n: number, status?: number): void;
  close(): Promise<void>;
}

/** A local HTTP endpoint that records every request, for outbound webhook tests. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  let failures = 0;
  let failStatus = 500;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString(), at: performance.now() });
      if (failures > 0) {
        failures--;
        res.writeHead(failStatus).end("nope");
      } else {
        res.writeHead(200).end("ok");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    failNext(n, status = 500) {
      failures = n;
      failStatus = status;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface HangingReceiver {
  url: string;
  /** Requests that arrived (none is ever answered). */
  requests(): number;
  /** performance.now() when the sender first gave up on a request (closed it), or null while all are held. */
  firstClosedAt(): number | null;
  /** Cuts every open connection and stops listening. */
  close(): Promise<void>;
}

/** An endpoint that accepts every request and never answers: the slow neighbour of the job queue tests. */
export async function startHangingReceiver(): Promise<HangingReceiver> {
  let requests = 0;
  let firstClosedAt: number | null = null;
  const server: Server = createServer((req) => {
    requests++;
    req.socket.once("close", () => {
      firstClosedAt ??= performance.now();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    requests: () => requests,
    firstClosedAt: () => firstClosedAt,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
