import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/kernel/db";
import { col, parseRows } from "@/lib/kernel/db/rows";
import type { PlatformScope } from "@/lib/kernel/scope";
import type { DocumentKind } from "./document";

/**
 * The next number of a series, taken under the counter row's lock (the upsert holds it until the
 * transaction ends). Concurrent payments queue on the row; a transaction that rolls back gives its
 * number back, so the series has no gaps and no duplicates.
 */
export async function nextSequence(tx: Tx, scope: PlatformScope, series: DocumentKind): Promise<number> {
  const [row] = parseRows(
    z.object({ last_number: col.int() }),
    await tx.execute(sql`
      INSERT INTO invoice_counters (platform_id, live_mode, series, last_number) VALUES (${scope.platformId}, ${scope.liveMode}, ${series}, 1)
      ON CONFLICT (platform_id, live_mode, series) DO UPDATE SET last_number = invoice_counters.last_number + 1
      RETURNING last_number`),
  );
  return row!.last_number;
}

/** INV-000042; test mode INV-TEST-000042; credit notes INV-CN-000042, so no two documents share a number. */
export function formatNumber(prefix: string, kind: DocumentKind, liveMode: boolean, sequence: number): string {
  return `${prefix}${kind === "credit_note" ? "CN-" : ""}${liveMode ? "" : "TEST-"}${String(sequence).padStart(6, "0")}`;
}
