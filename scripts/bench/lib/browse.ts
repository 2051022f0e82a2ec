import { setTimeout as delay } from "node:timers/promises";
import type { LoadResult } from "./load";
import { summarize, type Summary } from "./stats";

export interface BrowseOptions {
  baseUrl: string;
  /** One Cookie header per user. */
  cookies: string[];
  /** Pages each user loads in turn, starting at a different one per user. */
  paths: string[];
  durationSeconds: number;
  /** Mean think time between a page's last byte and the next request. */
  thinkMs: number;
}

export interface BrowseResult extends LoadResult {
  /** Time to the last byte of each page (latency is time to the first: the response headers). */
  complete: Summary;
  /** Time to the first byte, per page. */
  byPath: Record<string, Summary>;
}

/**
 * Signed-in users browsing the portal: each loads a page to its last byte, then thinks for a time
 * drawn uniformly from 0.5–1.5 × thinkMs before the next one, so users never move in lockstep (a
 * fixed-rate tool fires every connection at once). Closed loop per user: a slow server gets fewer
 * requests, as it would from people, and the latencies show what each of them waits.
 */
export async function browseAsUsers(options: BrowseOptions): Promise<BrowseResult> {
  const ttfb: number[] = [];
  const byPath: Record<string, number[]> = Object.fromEntries(options.paths.map((p) => [p, []]));
  const complete: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const stopAt = performance.now() + options.durationSeconds * 1000;
  const user = async (cookie: string, index: number) => {
    await delay(Math.random() * options.thinkMs);
    for (let n = index; performance.now() < stopAt; n++) {
      const path = options.paths[n % options.paths.length]!;
      const started = performance.now();
      try {
        const res = await fetch(`${options.baseUrl}${path}`, { headers: { cookie, "accept-encoding": "gzip" }, redirect: "manual" });
        ttfb.push(performance.now() - started);
        byPath[path]!.push(performance.now() - started);
        await res.arrayBuffer();
        complete.push(performance.now() - started);
        if (res.status >= 300) non2xx++;
      } catch {
        errors++;
      }
      await delay(options.thinkMs * (0.5 + Math.random()));
    }
  };
  await Promise.all(options.cookies.map((cookie, i) => user(cookie, i)));
  const requests = ttfb.length + errors;
  return {
    requests,
    rps: requests / options.durationSeconds,
    errors,
    non2xx,
    latency: summarize(ttfb),
    complete: summarize(complete),
    byPath: Object.fromEntries(Object.entries(byPath).map(([p, samples]) => [p, summarize(samples)])),
  };
}
