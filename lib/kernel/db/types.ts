import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type * as schema from "@/lib/kernel/db/schema";

type Schema = typeof schema;

/** Either driver (PGlite or node-postgres) behind one type; lib functions take this first. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A transaction handle; every lib function that accepts Db also accepts a Tx. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export type DbOrTx = Db | Tx;

export type DatabaseKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}
