import { z } from "zod";
import { amount, pageOf, timestamp } from "./common";
import { customerStatsResponse } from "./customers";
import { eventResponse } from "./events";

export const accountResponse = z.object({
  id: z.string().meta({ description: "acc_…; send it as X-CREDYT-ACCOUNT to act inside the account." }),
  name: z.string(),
  external_id: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  live_mode: z.boolean(),
  created_at: timestamp(),
});

export const accountContextResponse = z.object({
  id: z.string(),
  name: z.string(),
  mode: z.enum(["test", "live"]),
  live_mode: z.boolean(),
  type: z.enum(["platform", "connected_account"]),
  external_id: z.string().nullable(),
  metadata: z.record(z.string(), z.string()),
  parent: z.object({ id: z.string(), name: z.string() }).nullable().meta({ description: "The platform a connected account belongs to." }),
});

export const vendorStatsResponse = customerStatsResponse.extend({
  event_count: z.number().int().meta({ description: "Events that carried a cost from this vendor in the period." }),
});

const figures = customerStatsResponse.pick({ revenue: true, costs: true, margin: true }).shape;

export const taskSummaryResponse = z.object({
  id: z.string().meta({ description: "{customer_id}:{subject}; URL-encode it in paths." }),
  customer_id: z.string(),
  subject: z.string(),
  event_count: z.number().int(),
  started_at: timestamp(),
  last_event_at: timestamp(),
  gross_revenue: figures.revenue,
  total_costs: figures.costs,
  net_revenue: z.array(z.object({ currency: z.string(), amount: amount() })),
  margin: figures.margin,
});

export const taskResponse = taskSummaryResponse.extend({
  vendors: z.array(
    z.object({
      vendor_id: z.string().nullable().meta({ description: "Null for costs that named no vendor of this platform." }),
      vendor_name: z.string().nullable(),
      currency: z.string(),
      amount: amount(),
      event_count: z.number().int(),
    }),
  ),
  events: pageOf(eventResponse).meta({ description: "The task's events, oldest first, with their fees and costs (?limit&offset)." }),
});
