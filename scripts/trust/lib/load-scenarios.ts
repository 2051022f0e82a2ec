import { benchEvent } from "../../bench/ingest/product";
import type { HttpFixture } from "../../bench/ingest/setup";
import { browseAsUsers } from "../../bench/lib/browse";
import type { LoadResult } from "../../bench/lib/load";
import { paced } from "../../bench/lib/paced";

export interface Budget {
  p95Ms: number;
  p99Ms: number;
}

export interface ScenarioResult {
  name: string;
  offered: string;
  result: LoadResult;
  budget: Budget;
  errorRate: number;
  ok: boolean;
}

/** Errors < 0.1 % (transport errors, timeouts and non-2xx together), p95 and p99 within the budget. */
function judge(name: string, offered: string, result: LoadResult, budget: Budget): ScenarioResult {
  const errorRate = result.requests === 0 ? 1 : (result.errors + result.non2xx) / result.requests;
  const ok = result.requests > 0 && errorRate < 0.001 && result.latency.p95 <= budget.p95Ms && result.latency.p99 <= budget.p99Ms;
  return { name, offered, result, budget, errorRate, ok };
}

/** GET the wallet with the API key at `rate` req/s, spread over the customers. */
export async function balanceReads(url: string, fixture: HttpFixture, rate: number, seconds: number, budget: Budget): Promise<ScenarioResult> {
  const result = await paced({
    url,
    rate,
    sockets: 32,
    durationSeconds: seconds,
    headers: { authorization: `Bearer ${fixture.key}` },
    pathFor: (n) => `/api/v1/customers/${fixture.customerIds[n % fixture.customerIds.length]}/wallet/default:USD`,
  });
  return judge("balance reads (API key, GET wallet)", `${rate} req/s`, result, budget);
}

/**
 * Single events with unique ids at `rate` req/s; records the ids the server accepted, for the
 * correctness gate afterwards.
 */
export async function eventIngest(url: string, fixture: HttpFixture, rate: number, seconds: number, budget: Budget, acceptedIds: string[], prefix = "load"): Promise<ScenarioResult> {
  const bodies = Array.from({ length: Math.ceil(rate * seconds * 1.2) + 100 }, (_, n) =>
    JSON.stringify({ customer_id: fixture.customerIds[(n * 7919) % fixture.customerIds.length], events: [benchEvent(`${prefix}-${n}`, n)] }),
  );
  const result = await paced({
    url: `${url}/api/v1/events`,
    method: "POST",
    rate,
    sockets: 32,
    durationSeconds: seconds,
    headers: { authorization: `Bearer ${fixture.key}`, "content-type": "application/json" },
    bodies,
    onResponse: (status, body) => {
      if (status >= 300) return;
      const parsed = JSON.parse(body) as { items: { id: string; status: string }[] };
      for (const item of parsed.items) if (item.status === "billed" || item.status === "unbilled") acceptedIds.push(item.id);
    },
  });
  if (bodies.length <= result.requests) throw new Error("ran out of unique event bodies");
  return judge("event ingest (single events, unique ids)", `${rate} req/s`, result, budget);
}

/**
 * Signed-in users browsing the overview and the transactions page in turn, each thinking `thinkMs`
 * on average between pages (at most users × 1000 / thinkMs requests a second).
 */
export async function portalPages(url: string, cookies: string[], thinkMs: number, seconds: number, budget: Budget): Promise<ScenarioResult> {
  const result = await browseAsUsers({ baseUrl: url, cookies, paths: ["/", "/transactions"], durationSeconds: seconds, thinkMs });
  return judge(`portal pages, ${cookies.length} signed-in users (overview + transactions)`, `think ${thinkMs} ms`, result, budget);
}
