import { z } from "zod";
import { inTimestampRange } from "@/lib/kernel/fields/field-checks";
import { assetCodeField, lenientIntField, monthField, textField } from "@/lib/kernel/fields/fields";
import { CATEGORY_GROUPS, type CategoryGroup } from "@/lib/domain/wallet/categories";

const groups = Object.keys(CATEGORY_GROUPS) as [CategoryGroup, ...CategoryGroup[]];

/** Filters of the portal's transactions list and its CSV export; all optional, validated from the query string. */
export const transactionFiltersSchema = z.object({
  month: monthField().optional().catch(undefined),
  asset: assetCodeField().optional().catch(undefined),
  category: z.enum(groups).optional().catch(undefined),
  cursor: textField(200).optional().catch(undefined),
  limit: lenientIntField(1, 100, 25),
});

export type TransactionFilters = z.output<typeof transactionFiltersSchema>;

/** The position after the last row shown: its time and id, opaque to the client. */
export interface Cursor {
  createdAt: Date;
  id: number;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.createdAt.toISOString()}|${c.id}`).toString("base64url");
}

/**
 * Null for anything that is not a cursor we made (a time in the range every row's time is in, a row id
 * the database can compare), so a crafted one can only start the list from the top.
 */
export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  const [time, id, ...rest] = Buffer.from(value, "base64url").toString().split("|");
  const createdAt = new Date(time ?? "");
  const n = Number(id);
  if (rest.length > 0 || !/^\d{1,18}$/.test(id ?? "") || !Number.isSafeInteger(n) || !inTimestampRange(createdAt)) return null;
  return { createdAt, id: n };
}
