import type { DbOrTx } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import type { TransactionFilters } from "./filters";
import { listTransactions } from "./list-transactions";
import type { TransactionView } from "./view";
import { csvCell as cell, csvStream } from "@/lib/workflows/wallet/csv";

/** The header row and category names in the reader's language (amounts and dates stay machine-readable). */
export interface CsvLabels {
  header: string[];
  category: (category: string) => string;
}

function csvLine(t: TransactionView, labels: CsvLabels): string {
  const type = labels.category(t.category);
  const reference = t.reference ? `${t.reference.type}:${t.reference.id}` : "";
  return [
    cell(t.createdAt, false),
    cell(type, true),
    cell(t.description === t.categoryLabel ? type : t.description, true),
    cell(t.asset, true),
    cell(t.accountId, true),
    cell(t.amount, false),
    cell(t.balanceAfter, false),
    cell(t.transferId, true),
    cell(reference, true),
  ].join(",");
}

/** Exactly the filtered set as CSV, streamed page by page. */
export function transactionsCsv(db: DbOrTx, scope: CustomerScope, filters: TransactionFilters, timeZone: string, labels: CsvLabels): ReadableStream<Uint8Array> {
  return csvStream(labels.header, async (cursor) => {
    const page = await listTransactions(db, scope, { ...filters, cursor, limit: 100 }, timeZone);
    return { lines: page.items.map((t) => csvLine(t, labels)), nextCursor: page.nextCursor };
  });
}
