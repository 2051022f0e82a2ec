import http from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import type { LoadOptions, LoadResult } from "./load";
import { summarize } from "./stats";

export interface PacedOptions extends Pick<LoadOptions, "url" | "method" | "headers" | "bodies" | "onResponse"> {
  /** Requests per second, sent at even intervals whether or not earlier ones have been answered. */
  rate: number;
  durationSeconds: number;
  /** Keep-alive sockets to the server; a request finding all busy waits, and that wait counts. */
  sockets: number;
  /** The path of the n-th request (defaults to the URL's). */
  pathFor?: (n: number) => string;
  /** Headers of the n-th request, added to `headers`. */
  headersFor?: (n: number) => Record<string, string>;
}

function send(agent: http.Agent, url: URL, path: string, headers: PacedOptions["headers"], options: PacedOptions, body: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, host: url.hostname, port: url.port, path, method: options.method ?? "GET", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Open-loop load at a fixed arrival rate, one request every 1/rate seconds. A fixed-rate tool that
 * gives each connection rate/connections and starts them together fires them in lockstep: bursts of
 * every connection at once, which measure the burst, not the server at that rate. Latency runs from
 * each request's scheduled time, so a client-side wait for a socket is not hidden.
 */
export async function paced(options: PacedOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.sockets });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const total = Math.round(options.rate * options.durationSeconds);
  const interval = 1000 / options.rate;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + n * interval;
    const wait = due - performance.now();
    if (wait > 1) await delay(wait);
    const body = options.bodies?.[n % options.bodies.length];
    inFlight.push(
      send(agent, url, options.pathFor?.(n) ?? url.pathname + url.search, { ...options.headers, ...options.headersFor?.(n) }, options, body).then(
        (res) => {
          latencies.push(performance.now() - due);
          if (res.status >= 300) non2xx++;
          options.onResponse?.(res.status, res.body);
        },
        () => void errors++,
      ),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { requests: total, rps: total / ((performance.now() - started) / 1000), errors, non2xx, latency: summarize(latencies), samples: latencies };
}
