import { patternField } from "./fields";

const queryInt = (min: number, max: number, fallback: number) =>
  patternField(/^\d{1,9}$/, "Must be a non-negative integer.", 9)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `Must be between ${min} and ${max}.`)
    .optional()
    .transform((v) => v ?? fallback);

export const pageQuery = {
  limit: queryInt(1, 100, 20),
  offset: queryInt(0, 1_000_000_000, 0),
};

export interface Page<T> {
  items: T[];
  total_count: number;
  limit: number;
  offset: number;
}

export function page<T>(items: T[], totalCount: number, limit: number, offset: number): Page<T> {
  return { items, total_count: totalCount, limit, offset };
}
