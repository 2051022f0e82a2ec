import http from "node:http";
import type { HttpFixture } from "../../bench/ingest/setup";
import { paced } from "../../bench/lib/paced";
import { summarize, type Summary } from "../../bench/lib/stats";

export interface FloodReport {
  alone: Summary;
  underFlood: Summary;
  readErrors: number;
  flood: { requests: number; errors: number };
  floodRate: number;
  addresses: number;
  /** Answers to the flood by status. */
  answers: Record<number, number>;
  ok: boolean;
}

/** The n-th attacker's address, one of `count`; the server trusts X-Forwarded-For from loopback in this run. */
const attacker = (n: number, count: number) => {
  const i = n % count;
  return `198.18.${i >> 8}.${i & 255}`;
};

const ROUNDS = 4;

/**
 * Legitimate balance reads at `legitRate`, alone and while an unauthenticated flood runs (made-up API keys
 * and forged sign-in links, alternately, from `addresses` rotating client addresses), in ROUNDS alternating
 * rounds of `seconds / ROUNDS` each, so a change in what else the machine runs falls on both sides. Passes
 * when the pooled p95 under the flood is within twice the pooled p95 alone.
 */
export async function floodScenario(url: string, fixture: HttpFixture, legitRate: number, floodRate: number, seconds: number, addresses: number): Promise<FloodReport> {
  const reads = (durationSeconds: number) =>
    paced({
      url,
      rate: legitRate,
      sockets: 32,
      durationSeconds,
      headers: { authorization: `Bearer ${fixture.key}` },
      pathFor: (n) => `/api/v1/customers/${fixture.customerIds[n % fixture.customerIds.length]}/wallet/default:USD`,
    });
  const answers: Record<number, number> = {};
  const alone: number[] = [];
  const flooded: number[] = [];
  const flood = { requests: 0, errors: 0 };
  let readErrors = 0;
  let sent = 0;
  // Not counted: the first reads after start-up pay for compiling and caching.
  await reads(Math.min(10, seconds / ROUNDS));
  for (let round = 0; round < ROUNDS; round++) {
    const quiet = await reads(seconds / ROUNDS);
    alone.push(...quiet.samples!);
    const offset = sent;
    const floodRun = paced({
      url,
      rate: floodRate,
      sockets: 64,
      durationSeconds: seconds / ROUNDS,
      pathFor: (n) => ((offset + n) % 2 === 0 ? "/api/v1/customers" : `/api/sign-in?token=forged.${offset + n}.token`),
      headersFor: (n) => ({
        "x-forwarded-for": attacker(offset + n, addresses),
        ...((offset + n) % 2 === 0 ? { authorization: `Bearer key_test_${(offset + n).toString(32).padStart(32, "0")}` } : {}),
      }),
      onResponse: (status) => void (answers[status] = (answers[status] ?? 0) + 1),
    });
    const loud = await reads(seconds / ROUNDS);
    const done = await floodRun;
    sent += done.requests;
    flooded.push(...loud.samples!);
    readErrors += quiet.errors + quiet.non2xx + loud.errors + loud.non2xx;
    flood.requests += done.requests;
    flood.errors += done.errors;
  }
  const [quietSummary, loudSummary] = [summarize(alone), summarize(flooded)];
  // As for every scenario, under 0.1 % transport errors (a keep-alive socket the server closed as the client reused it).
  const floodOk = flood.errors < 0.001 * flood.requests && Object.keys(answers).every((s) => ["303", "401", "429"].includes(s));
  const ok = readErrors < 0.001 * (alone.length + flooded.length) && floodOk && loudSummary.p95 <= 2 * quietSummary.p95;
  return { alone: quietSummary, underFlood: loudSummary, readErrors, flood, floodRate, addresses, answers, ok };
}

export interface BodiesReport {
  uploads: { path: string; status: number | string }[];
  rssBeforeMb: number;
  rssPeakMb: number;
  ok: boolean;
}

/** A chunked upload (no Content-Length) of `bytes` zero bytes; resolves with the status, or the error's code. */
function chunkedUpload(url: string, path: string, headers: Record<string, string>, bytes: number): Promise<number | string> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const req = http.request({ host: target.hostname, port: target.port, path, method: "POST", headers: { ...headers, "transfer-encoding": "chunked" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    const chunk = Buffer.alloc(64 * 1024);
    let sent = 0;
    const pump = () => {
      while (sent < bytes && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

/**
 * Four 200 MB chunked uploads at once to the routes an attacker reaches (the Stripe webhook, the test
 * checkout, the API with a key, the portal with a session), sampling the server's RSS. Passes when each
 * is refused with 4xx and the server grew by at most 50 MB.
 */
export async function hostileBodies(url: string, apiKey: string, portalCookie: string, rssMb: () => number): Promise<BodiesReport> {
  const json = { "content-type": "application/json", origin: url };
  const targets: [string, Record<string, string>][] = [
    ["/api/webhooks/stripe", { ...json, "stripe-signature": "t=1,v1=00" }],
    ["/api/test-checkout/x", json],
    ["/api/v1/events", { ...json, authorization: `Bearer ${apiKey}` }],
    ["/api/portal/top-ups", { ...json, cookie: portalCookie }],
  ];
  const rssBeforeMb = rssMb();
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb())), 50);
  const statuses = await Promise.all(targets.map(([path, headers]) => chunkedUpload(url, path, headers, 200 * 1_048_576)));
  clearInterval(sampler);
  const uploads = targets.map(([path], i) => ({ path, status: statuses[i]! }));
  const refused = statuses.every((s) => typeof s === "number" && s >= 400 && s < 500);
  return { uploads, rssBeforeMb, rssPeakMb, ok: refused && rssPeakMb - rssBeforeMb <= 50 };
}
