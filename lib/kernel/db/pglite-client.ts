import type { PGlite, QueryOptions, Transaction } from "@electric-sql/pglite";

const asText = (value: string) => value;

/**
 * The types drizzle keeps as text (dates, timestamps, intervals and their arrays, numeric[]), set on
 * the instance once. Drizzle also sends them with every query, and PGlite merges per-query parsers
 * into its table of ~300 by copying the whole table: ~0.1 ms a query, half of a point read's cost,
 * on the one thread that serves every request.
 */
export const TEXT_PARSERS: Record<number, (value: string) => string> = {
  1114: asText, // timestamp
  1184: asText, // timestamptz
  1186: asText, // interval
  1082: asText, // date
  1231: asText, // numeric[]
  1115: asText, // timestamp[]
  1185: asText, // timestamptz[]
  1187: asText, // interval[]
  1182: asText, // date[]
};

type Queryable = Pick<PGlite | Transaction, "query">;

function withoutParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  if (!options?.parsers) return options;
  const { parsers: _sameAsInstance, ...rest } = options;
  return rest;
}

/** The client drizzle sees: queries (in transactions too) go out without the per-query parser table. */
export function sharedParsersClient<C extends Queryable>(client: C): C {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "query") {
        return (sql: string, params?: unknown[], options?: QueryOptions) => target.query(sql, params, withoutParsers(options));
      }
      if (prop === "transaction" && "transaction" in target) {
        return <T>(fn: (tx: Transaction) => Promise<T>) => (target as unknown as PGlite).transaction((tx) => fn(sharedParsersClient(tx)));
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
