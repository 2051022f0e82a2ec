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
  /** count(*) and other int8: text from node-postgres, a number (or bigint) from PGlite; always within 2^53 here. */
  count: () => z.union([z.string(), z.number(), z.bigint()]).transform(Number).pipe(z.number().int()),
  /** A flat JSON object of scalars, as coupon terms are stored. */
  scalars: () => z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** json/jsonb: parsed by node-postgres, text from PGlite when selected through a union or a cast. */
  json: <S extends z.ZodType>(shape: S) =>
    z.union([z.string().transform((text) => JSON.parse(text) as unknown), z.record(z.string(), z.unknown())]).pipe(shape),
};
