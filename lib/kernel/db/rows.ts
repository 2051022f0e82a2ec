import { z } from "zod";

/**
 * Rows of a raw `db.execute` result; PGlite and node-postgres both return `{ rows }`. Unchecked:
 * kept for the hot paths (ledger postings, ingest, the job queue) where every row is our own insert.
 */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Rows of a raw `db.execute` result, each parsed by `row`: a query whose columns drift fails here, named. */
export function parseRows<S extends z.ZodType>(row: S, result: unknown): z.output<S>[] {
  return rowsOf<unknown>(result).map((r) => row.parse(r));
}

/** Column types as both drivers return them for raw SQL. */
export const col = {
  /** text, or any value selected with ::text (numeric amounts stay exact this way). */
  text: () => z.string(),
  /** int4 and smallint arrive as numbers from both drivers. */
  int: () => z.number().int(),
  /** timestamptz: a Date from the drivers, text where the query built it. */
  time: () => z.union([z.date(), z.string()]),
};
