import { benchEvent } from "./bench-product";
import { runLoad, type LoadResult } from "./load";
import type { HttpFixture } from "./setup-http";

export interface ScenarioResult extends LoadResult {
  name: string;
  accepted: number;
  duplicates: number;
  unexpected: number;
  acceptedIds: string[];
}

interface Tally {
  accepted: string[];
  duplicates: number;
  unexpected: number;
}

function tallied(tally: Tally) {
  return (status: number, body: string) => {
    if (status !== 200 && status !== 201) return void tally.unexpected++;
    for (const item of (JSON.parse(body) as { items: { id: string; status: string }[] }).items) {
      if (item.status === "accepted") tally.accepted.push(item.id);
      else if (item.status === "duplicate") tally.duplicates++;
      else tally.unexpected++;
    }
  };
}

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

let sequence = 0;

/** Runs one ingest scenario against POST /api/v1/events, tallying each event's outcome from the responses. */
export async function runScenario(url: string, fixture: HttpFixture, spec: ScenarioSpec, durationS: number): Promise<ScenarioResult> {
  const tally: Tally = { accepted: [], duplicates: 0, unexpected: 0 };
  const run = `${Date.now().toString(36)}-${spec.name.replace(/\W+/g, "")}`;
  let n = 0;
  const body = () => {
    const request = n++;
    const events = Array.from({ length: spec.eventsPerRequest }, () => {
      const k = sequence++;
      const id = spec.replay ? spec.replay[k % spec.replay.length]! : `${run}-${k}`;
      return benchEvent(id, k);
    });
    return JSON.stringify({ customer_id: spec.customer(request), events });
  };
  const load = await runLoad({
    url,
    path: "/api/v1/events",
    key: fixture.key,
    connections: spec.connections,
    durationS,
    overallRate: spec.overallRate,
    eventsPerRequest: spec.eventsPerRequest,
    body,
    onResponse: tallied(tally),
  });
  return { ...load, name: spec.name, accepted: tally.accepted.length, duplicates: tally.duplicates, unexpected: tally.unexpected, acceptedIds: tally.accepted };
}
