import { load } from "../lib/load";
import type { Summary } from "../lib/stats";
import { benchEvent } from "./product";
import type { HttpFixture } from "./setup";

export interface ScenarioSpec {
  name: string;
  connections: number;
  eventsPerRequest: number;
  overallRate?: number;
  /** The customer of the n-th request. */
  customer: (n: number) => string;
  /** Ids to send again (replay) instead of fresh ones. */
  replay?: string[];
}

export interface ScenarioResult {
  name: string;
  eventsPerS: number;
  reqPerS: number;
  latency: Summary;
  non2xx: number;
  errors: number;
  accepted: number;
  duplicates: number;
  /** Outcomes other than billed or duplicate (unbilled, rejected): the benchmark expects none. */
  unexpected: number;
  acceptedIds: string[];
}

let sequence = 0;

/** Drives POST /api/v1/events for `durationS`, tallying every event's outcome from the responses. */
export async function runScenario(url: string, fixture: HttpFixture, spec: ScenarioSpec, durationS: number): Promise<ScenarioResult> {
  const tally = { accepted: [] as string[], duplicates: 0, unexpected: 0, ok: 0 };
  const run = `${Date.now().toString(36)}-${spec.name.replace(/\W+/g, "").slice(0, 12)}`;
  let n = 0;
  const body = () => {
    const request = n++;
    const events = Array.from({ length: spec.eventsPerRequest }, () => {
      const k = sequence++;
      return benchEvent(spec.replay ? spec.replay[k % spec.replay.length]! : `${run}-${k}`, k);
    });
    return JSON.stringify({ customer_id: spec.customer(request), events });
  };
  const result = await load({
    url: `${url}/api/v1/events`,
    method: "POST",
    connections: spec.connections,
    durationSeconds: durationS,
    overallRate: spec.overallRate,
    headers: { authorization: `Bearer ${fixture.key}`, "content-type": "application/json" },
    setupRequest: (req) => ({ ...req, body: body() }),
    onResponse: (status, text) => {
      if (status !== 200 && status !== 201) return void tally.unexpected++;
      tally.ok++;
      for (const item of (JSON.parse(text) as { items: { id: string; status: string }[] }).items) {
        if (item.status === "billed") tally.accepted.push(item.id);
        else if (item.status === "duplicate") tally.duplicates++;
        else tally.unexpected++;
      }
    },
  });
  return {
    name: spec.name,
    eventsPerS: (tally.ok * spec.eventsPerRequest) / durationS,
    reqPerS: tally.ok / durationS,
    latency: result.latency,
    non2xx: result.non2xx,
    errors: result.errors,
    accepted: tally.accepted.length,
    duplicates: tally.duplicates,
    unexpected: tally.unexpected,
    acceptedIds: tally.accepted,
  };
}

/** Drives GET /api/v1/customers/:id/wallet (the balance read) at a fixed rate over the fixture's customers. */
export async function runReads(
  url: string,
  fixture: HttpFixture,
  spec: { connections: number; overallRate: number; customer: (n: number) => string },
  durationS: number,
): Promise<Omit<ScenarioResult, "acceptedIds">> {
  let n = 0;
  let ok = 0;
  const result = await load({
    url: `${url}/api/v1/customers/${fixture.hotCustomerId}/wallet`,
    connections: spec.connections,
    durationSeconds: durationS,
    overallRate: spec.overallRate,
    headers: { authorization: `Bearer ${fixture.key}` },
    setupRequest: (req) => ({ ...req, path: `/api/v1/customers/${spec.customer(n++)}/wallet` }),
    onResponse: (status) => void (status === 200 && ok++),
  });
  const name = `balance reads offered at ${spec.overallRate.toLocaleString("en-US")}/s, 32 connections`;
  const unexpected = result.requests - ok;
  return { name, eventsPerS: ok / durationS, reqPerS: ok / durationS, latency: result.latency, non2xx: result.non2xx, errors: result.errors, accepted: 0, duplicates: 0, unexpected };
}
