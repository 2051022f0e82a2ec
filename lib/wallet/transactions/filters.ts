import { z } from "zod";
import { CATEGORY_GROUPS, type CategoryGroup } from "../categories";

const groups = Object.keys(CATEGORY_GROUPS) as [CategoryGroup, ...CategoryGroup[]];

/** Filters of the portal's transactions list and its CSV export; all optional, validated from the query string. */
export const transactionFiltersSchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Must be a month such as 2026-11.")
    .optional()
    .catch(undefined),
  asset: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,19}$/)
    .optional()
    .catch(undefined),
  category: z.enum(groups).optional().catch(undefined),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25).catch(25),
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

/** Null for anything that is not a cursor we made; the list then starts from the top. */
export function decodeCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  const [time, id] = Buffer.from(value, "base64url").toString().split("|");
  const createdAt = new Date(time ?? "");
  const n = Number(id);
  return Number.isNaN(createdAt.getTime()) || !Number.isSafeInteger(n) ? null : { createdAt, id: n };
}
