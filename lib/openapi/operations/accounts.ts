import { z } from "zod";
import { createAccountSchema, listAccountsQuerySchema } from "@/lib/accounts/schemas";
import { pageQuerySchema } from "@/lib/api/page-query";
import { customerStatsQuerySchema } from "@/lib/events/customer-stats";
import { listTasksQuerySchema } from "@/lib/tasks/schemas";
import type { Operation } from "../operation";
import { accountContextResponse, accountResponse, taskResponse, taskSummaryResponse, vendorStatsResponse } from "../responses/accounts";
import { pageOf } from "../responses/common";

const ok = (schema: z.ZodType, description = "OK") => ({ status: 200, description, schema });

const CONNECTED = `Credyt for Platforms: a business your platform hosts, with its own customers, products, wallets, events, portal
sessions and webhooks. Act inside it with your key and the header X-CREDYT-ACCOUNT: <acc_…>. Connected accounts
are unique per mode: one created with a test key exists only for test keys.`;

/** Connected accounts, the account context, vendor stats and tasks. */
export const accountOperations: Operation[] = [
  { method: "post", path: "/accounts", operationId: "Accounts_create", tag: "Accounts", summary: "Create a connected account", description: CONNECTED, body: createAccountSchema, response: { status: 201, description: "Created", schema: accountResponse } },
  {
    method: "get", path: "/accounts", operationId: "Accounts_list", tag: "Accounts", summary: "Your connected accounts, newest first; ?external_id= narrows the page to one",
    query: listAccountsQuerySchema, response: ok(pageOf(accountResponse)),
  },
  { method: "get", path: "/accounts/self", operationId: "Accounts_self", tag: "Accounts", summary: "Who the key (and X-CREDYT-ACCOUNT) acts as", response: ok(accountContextResponse) },
  { method: "get", path: "/accounts/{accountId}", operationId: "Accounts_get", tag: "Accounts", summary: "One connected account", response: ok(accountResponse) },
  {
    method: "get", path: "/vendors/{vendorId}/stats", operationId: "Vendors_stats", tag: "Vendors", summary: "The vendor's costs, the events they came with and the revenue those earned",
    query: customerStatsQuerySchema, response: ok(vendorStatsResponse),
  },
  {
    method: "get", path: "/tasks", operationId: "Tasks_list", tag: "Tasks", summary: "A customer's tasks (its events grouped by subject), newest first",
    query: listTasksQuerySchema, response: ok(pageOf(taskSummaryResponse)),
  },
  {
    method: "get", path: "/tasks/{taskId}", operationId: "Tasks_get", tag: "Tasks", summary: "A task's figures, per-vendor costs and events",
    description: "taskId is {customer_id}:{subject}, URL-encoded (cust_…%3Avideo_123).", query: pageQuerySchema, response: ok(taskResponse),
  },
];
