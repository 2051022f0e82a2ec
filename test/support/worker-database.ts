/**
 * Each `vitest run` migrates a Postgres database of its own (named after its process) and copies it once
 * per worker. Two runs on one server (two checkouts, or a second `npm test` beside the first) never
 * share a database, and within a run, tables that are not per platform (the job queue above all) are
 * not shared by files running at once: a file whose test clock runs months ahead would otherwise
 * claim and run another file's due jobs while that file asserts on them.
 */
export function runDatabaseName(base: string, pid: number): string {
  return `${base}_run${pid}`;
}

/** The pid of the run that created `name`, when `name` is one of `base`'s run databases or their copies. */
export function runPidOf(base: string, name: string): number | null {
  const match = name.startsWith(`${base}_run`) ? /^(\d+)(?:_w\d+)?$/.exec(name.slice(base.length + 4)) : null;
  return match ? Number(match[1]) : null;
}

export function workerDatabaseName(run: string, poolId: string | number): string {
  return `${run}_w${poolId}`;
}

/** The URL of this worker's copy of the run's database; the base URL itself outside a run's workers. */
export function workerDatabaseUrl(url: string, run: string | undefined, poolId: string | undefined): string {
  if (!run || !poolId) return url;
  const parsed = new URL(url);
  parsed.pathname = `/${workerDatabaseName(run, poolId)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}
