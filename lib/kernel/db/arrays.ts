import { sql, type SQL } from "drizzle-orm";

/**
 * A JS array as one typed array parameter (`$1::numeric[]`). Multi-row writes unnest one such
 * parameter per column, so a batch of any size is one short statement with a fixed plan.
 */
export function pgArray(values: readonly unknown[], type: "text" | "numeric" | "bigint" | "int" | "smallint" | "jsonb" | "timestamptz" | "boolean"): SQL {
  return sql`${sql.param(values)}::${sql.raw(type)}[]`;
}
