import type { z } from "zod";

type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** One /api/v1 endpoint as the OpenAPI document describes it, from the zod schemas its handler uses. */
export interface Operation {
  method: HttpMethod;
  /** Path after /api/v1, with {params}: /customers/{customerId}. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  body?: z.ZodType;
  query?: z.ZodType;
  response: {
    status: number;
    description: string;
    schema: z.ZodType;
    alternatives?: { status: number; description: string }[];
    /** Default application/json. */
    contentType?: string;
  };
  /** Also answers 404 without a path parameter (a lookup by query). */
  lookup?: boolean;
  /** Served without an API key. */
  public?: boolean;
}
