import type { DatabaseKind } from "./types";

const kinds = new WeakMap<object, DatabaseKind>();

/** Called by openDatabase: remembers which driver a handle runs on. */
export function registerKind(db: object, kind: DatabaseKind): void {
  kinds.set(db, kind);
}

/**
 * The driver behind a handle. Callers tune for it (PGlite runs one statement at a time on the main
 * thread; Postgres overlaps connections) but never depend on it for correctness.
 */
export function databaseKind(db: object): DatabaseKind {
  return kinds.get(db) ?? "postgres";
}
