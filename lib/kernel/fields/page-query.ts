import { z } from "zod";
import { textField } from "./fields";
import { pageQuery } from "./pagination";

/** `?limit&offset` alone; list routes with filters extend `pageQuery` instead. */
export const pageQuerySchema = z.object(pageQuery);

/**
 * A list's query with filters beside `?limit&offset`, which stay raw strings here: the route checks
 * them with `pageQuerySchema` only when it lists (a filter like `?code=` may answer one object instead).
 */
export function listQuerySchema<T extends z.ZodRawShape>(filters: T) {
  return z.strictObject({ limit: textField(20).optional(), offset: textField(20).optional(), ...filters });
}
