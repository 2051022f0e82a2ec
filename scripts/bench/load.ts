import autocannon from "autocannon";

export interface LoadSpec {
  url: string;
  path: string;
  key?: string;
  connections: number;
  durationS: number;
  /** Open loop: requests per second across all connections (latency at a fixed offered load). */
  overallRate?: number;
  eventsPerRequest: number;
  body: () => string;
  onResponse?: (status: number, body: string) => void;
}

export interface LoadResult {
  requests: number;
  ok: number;
  reqPerS: number;
  eventsPerS: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  durationS: number;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Drives one endpoint with autocannon and measures every response's latency (p50/p95/p99 from all of them). */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (spec.key) headers.authorization = `Bearer ${spec.key}`;
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationS,
    timeout: 30,
    ...(spec.overallRate ? { overallRate: spec.overallRate } : {}),
    requests: [
      {
        method: "POST",
        path: spec.path,
        headers,
        setupRequest: (req) => ({ ...req, body: spec.body() }),
        onResponse: (status, body) => {
          if (status >= 200 && status < 300) ok++;
          spec.onResponse?.(status, body);
        },
      },
    ],
  });
  instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: result.requests.total,
    ok,
    reqPerS: ok / result.duration,
    eventsPerS: (ok * spec.eventsPerRequest) / result.duration,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    durationS: result.duration,
  };
}
