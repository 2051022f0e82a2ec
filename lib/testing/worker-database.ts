/**
 * Each vitest worker gets its own copy of the migrated CI database. Tables that are not per platform
 * (the job queue above all) would otherwise be shared by files running at once, and a file whose test
 * clock runs months ahead would claim and run another file's due jobs while that file asserts on them.
 */
export function workerDatabaseUrl(url: string, poolId: string | undefined): string {
  if (!poolId) return url;
  const parsed = new URL(url);
  parsed.pathname = `/${workerDatabaseName(databaseName(url), poolId)}`;
  return parsed.toString();
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

export function workerDatabaseName(base: string, poolId: string | number): string {
  return `${base}_w${poolId}`;
}
