// The guide's Step 3 (customers and lookups), Step 4 (the four ways to fund a wallet) and Step 5 (balances).
import { captured, expectFields, expectResponse, isoTimeWithin, matching } from "../expect";
import type { GuideStep } from "../run-guide";

const SIGN_IN_LINK = matching(/^https?:\/\/[^/]+\/api\/sign-in\?token=[\w-]+\.[\w-]+\.[\w-]+$/);
const jane = (ctx: { ids: Record<string, string> }) => ({ credytCustomerId: ctx.ids.jane });

export const customerSteps: GuideStep[] = [
  {
    name: "customer",
    title: "Step 3 · create a customer subscribed to video_gen_std (version \"default\")",
    method: "POST",
    path: "/customers",
    body: "step3_customer",
    check: (res, ctx) => {
      expectResponse(res, 201, {
        id: matching(/^cust_[0-9a-z]{26}$/),
        name: "Jane Developer",
        external_id: "user_12345",
        "subscriptions[0].status": "active",
        "subscriptions[0].products[0].code": "video_gen_std",
        "subscriptions[0].products[0].version": 1,
      });
      ctx.ids.jane = captured(res, "id");
    },
  },
  {
    name: "customer_exists",
    title: "Step 3 · the same external_id again: 422 with errors.external_id",
    method: "POST",
    path: "/customers",
    body: "step3_customer",
    check: (res) => expectResponse(res, 422, { "errors.external_id": ["A customer with this external_id already exists."] }),
  },
  {
    name: "lookup",
    title: "Step 3 · look the customer up by external_id: one object",
    method: "GET",
    path: "/customers?external_id=user_12345",
    check: (res, ctx) => expectResponse(res, 200, { id: ctx.ids.jane, external_id: "user_12345" }),
  },
  {
    name: "first_wallet",
    title: "Step 3 · the wallet was created with the subscription",
    method: "GET",
    path: "/customers/{{credytCustomerId}}/wallet",
    values: jane,
    check: (res) => expectResponse(res, 200, { accounts: [{ id: "default:USD", name: "default", asset: "USD", available: 0 }] }),
  },
  {
    name: "portal_session",
    title: "Step 4 · option A: a billing portal session (link valid 10 minutes)",
    method: "POST",
    path: "/billing-portal/sessions",
    body: "step4a_portal_session",
    values: jane,
    check: (res, ctx) => {
      expectResponse(res, 201, { redirect_url: SIGN_IN_LINK, expires_at: isoTimeWithin(9 * 60_000, 10 * 60_000 + 5_000) });
      ctx.ids.portalLink = captured(res, "redirect_url");
    },
  },
  {
    name: "top_up",
    title: "Step 4 · option B: a top-up through the top-up API",
    method: "POST",
    path: "/top-ups",
    body: "step4b_top_up",
    values: jane,
    check: (res) => expectResponse(res, 201, { id: matching(/^top_[0-9a-z]{26}$/), status: "initiated", redirect_url: SIGN_IN_LINK }),
  },
  {
    name: "psp_adjustment",
    title: "Step 4 · option C: an external PSP payment as an adjustment",
    method: "POST",
    path: "/customers/{{credytCustomerId}}/wallet/adjustments",
    body: "step4c_external_psp_adjustment",
    values: jane,
    check: (res) => expectResponse(res, 201, { id: "unique-uuid-or-payment-id", created_at: matching(/^\d{4}-\d\d-\d\dT/) }),
  },
  {
    name: "prefund",
    title: "Step 4 · option D: pre-fund $100 for testing",
    method: "POST",
    path: "/customers/{{credytCustomerId}}/wallet/adjustments",
    body: "step4d_prefund_adjustment",
    values: jane,
    check: (res, ctx) => expectResponse(res, 201, { id: ctx.sent.prefund.transaction_id, created_at: matching(/^\d{4}-\d\d-\d\dT/) }),
  },
  {
    name: "wallet",
    title: "Step 5 · get the entire wallet: $25 (option C) + $100 (option D)",
    method: "GET",
    path: "/customers/{{credytCustomerId}}/wallet",
    values: jane,
    check: (res) => expectResponse(res, 200, { accounts: [{ id: "default:USD", name: "default", asset: "USD", available: 125 }] }),
  },
  {
    name: "account",
    title: "Step 5 · get one account: the unpaid top-up of option B is pending_in",
    method: "GET",
    path: "/customers/{{credytCustomerId}}/wallet/default:USD",
    values: jane,
    check: (res) => {
      expectResponse(res, 200, { id: "default:USD", asset: "USD", available: 125, pending_in: 25, pending_out: 0 });
      expectFields(res.json, { name: "default" });
    },
  },
];
