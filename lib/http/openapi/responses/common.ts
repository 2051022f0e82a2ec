import { z } from "zod";

/** A JSON number that carries an exact decimal (written from a Decimal, never a float). */
export const amount = () => z.number().meta({ description: "Exact decimal in major units." });
export const timestamp = () => z.string().meta({ format: "date-time" });
export const nullableTimestamp = () => timestamp().nullable();

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total_count: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.enum(["insufficient_funds", "budget_exceeded"]).optional().meta({ description: "Why a hold or charge was refused (409)." }),
    instance: z.string().optional(),
  })
  .meta({ title: "ProblemDetails" });

export const validationProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.literal(422),
    errors: z.record(z.string(), z.array(z.string())).meta({ description: "Field path (e.g. events[0].id) → messages." }),
    instance: z.string().optional(),
  })
  .meta({ title: "ValidationProblem" });
