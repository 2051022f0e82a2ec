import { z } from "zod";
import { amount, timestamp } from "./common";

export const assetResponse = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(["fiat", "custom"]),
  precision: z.number().int(),
  symbol: z.string().nullable(),
  label: z.string().nullable(),
  names: z.record(z.string(), z.string()).meta({ description: "The name per portal locale." }),
  rates: z.array(z.object({ source: z.string(), rate: amount(), inverse_rate: amount(), effective_at: timestamp() })),
  created_at: timestamp().nullable(),
});

export const quoteResponse = z.object({ source: z.string(), amount: amount(), asset: z.string(), quantity: amount(), rate: amount() });
