import autocannon from "autocannon";
import { summarize, type Summary } from "./stats";

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** One request body per request, cycled; or a fixed body. */
  bodies?: string[];
  /** Fixed arrival rate (requests per second over all connections); closed loop when omitted. */
  overallRate?: number;
  /** Per-connection request setup, e.g. a different cookie per connection. */
  setupRequest?: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown>;
  /** Sees every response's status and body (to tally outcomes); counted responses only. */
  onResponse?: (status: number, body: string) => void;
}

export interface LoadResult {
  requests: number;
  rps: number;
  errors: number;
  non2xx: number;
  latency: Summary;
  /** Every latency, when the caller needs to pool runs. */
  samples?: number[];
}

/**
 * Drives one endpoint with autocannon and returns exact latency percentiles: every response time
 * is recorded (autocannon's own table has no p95).
 */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let bodyIndex = 0;
  const instance = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    method: options.method ?? "GET",
    headers: options.headers,
    overallRate: options.overallRate,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const withBody = options.bodies ? { ...req, body: options.bodies[bodyIndex++ % options.bodies.length] } : req;
          return options.setupRequest ? options.setupRequest(withBody, context) : withBody;
        },
        onResponse: (status: number, body: string) => options.onResponse?.(status, body),
      },
    ],
  } as unknown as autocannon.Options) as unknown as NodeJS.EventEmitter & PromiseLike<autocannon.Result>;
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  return {
    requests: result.requests.total,
    rps: result.requests.total / options.durationSeconds,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    latency: summarize(latencies),
  };
}
