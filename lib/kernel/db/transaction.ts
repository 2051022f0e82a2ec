import { setTimeout as delay } from "node:timers/promises";
import type { Db, DbOrTx, Tx } from "./types";

// 40001 serialization failure, 40P01 deadlock: Postgres asks the client to retry the transaction.
const RETRYABLE = new Set(["40001", "40P01"]);
const MAX_ATTEMPTS = 8;

function pgErrorCode(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return pgErrorCode(error) === "23505";
}

/**
 * One row inserted with ON CONFLICT DO NOTHING on a key a client names: the row, or `duplicate()` thrown,
 * whether the conflict showed as no row returned or, for a concurrent insert, as a unique violation.
 */
export async function insertUnique<T>(insert: () => Promise<T[]>, duplicate: () => Error): Promise<T> {
  try {
    const [row] = await insert();
    if (!row) throw duplicate();
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/**
 * Runs `fn` in a transaction, retrying on serialization failures and deadlocks so no caller
 * ever sees one. `fn` must be safe to run again: it may not have side effects outside the DB.
 */
export async function withTransaction<T>(db: DbOrTx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await (db as Db).transaction(fn);
    } catch (error) {
      const code = pgErrorCode(error);
      if (attempt >= MAX_ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      await delay(Math.random() * 5 * attempt);
    }
  }
}
