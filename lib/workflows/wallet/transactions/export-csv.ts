import type { DbOrTx } from "@/lib/kernel/db";
import type { CustomerScope } from "@/lib/kernel/scope";
import type { TransactionFilters } from "./filters";
import { listTransactions } from "./list-transactions";
import type { TransactionView } from "./view";

/** The header row and category names in the reader's language (amounts and dates stay machine-readable). */
export interface CsvLabels {
  header: string[];
  category: (category: string) => string;
}

// Spreadsheet apps run cells that start with these as formulas; text cells get a leading quote.
const FORMULA = /^[=+\-@\t\r]/;

function cell(value: string, text: boolean): string {
  const safe = text && FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
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

/**
 * Exactly the filtered set as CSV, produced page by page so a long history streams out in
 * constant memory instead of being built up front.
 */
export function transactionsCsv(db: DbOrTx, scope: CustomerScope, filters: TransactionFilters, timeZone: string, labels: CsvLabels): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${labels.header.map((h) => cell(h, true)).join(",")}\r\n`));
      }
      const page = await listTransactions(db, scope, { ...filters, cursor, limit: 100 }, timeZone);
      if (page.items.length > 0) controller.enqueue(encoder.encode(page.items.map((t) => `${csvLine(t, labels)}\r\n`).join("")));
      if (!page.nextCursor) controller.close();
      cursor = page.nextCursor ?? undefined;
    },
  });
}
