import type { DbOrTx } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import type { TransactionFilters } from "./filters";
import { listTransactions } from "./list-transactions";
import type { TransactionView } from "./view";
import { csvCell as cell, csvStream } from "@/lib/workflows/wallet/csv";

const CSV_HEADER = ["date", "type", "description", "asset", "account", "amount", "balance_after", "transaction_id", "reference"];

function csvLine(t: TransactionView): string {
  const reference = t.reference ? `${t.reference.type}:${t.reference.id}` : "";
  return [
    cell(t.createdAt, false),
    cell(t.categoryLabel, true),
    cell(t.description, true),
    cell(t.asset, true),
    cell(t.accountId, true),
    cell(t.amount, false),
    cell(t.balanceAfter, false),
    cell(t.transferId, true),
    cell(reference, true),
  ].join(",");
}

/** Exactly the filtered set as CSV, streamed page by page. */
export function transactionsCsv(db: DbOrTx, scope: CustomerScope, filters: TransactionFilters, timeZone: string): ReadableStream<Uint8Array> {
  return csvStream(CSV_HEADER, async (cursor) => {
    const page = await listTransactions(db, scope, { ...filters, cursor, limit: 100 }, timeZone);
    return { lines: page.items.map(csvLine), nextCursor: page.nextCursor };
  });
}
