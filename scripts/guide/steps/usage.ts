// The guide's Step 6 (unit, volume and dimensional events), hybrid billing, refunds and cost tracking.
import { captured, expectResponse, matching } from "../expect";
import type { GuideStep } from "../run-guide";

const jane = (ctx: { ids: Record<string, string> }) => ({ credytCustomerId: ctx.ids.jane, customerId: ctx.ids.jane });

/** A POST /events answer billing one event one fee, and the wallet account's balance after it. */
function billedOnce(fee: Record<string, unknown>, balance: { account_id: string; available: number }): GuideStep["check"] {
  return (res) =>
    expectResponse(res, 201, {
      billed: 1,
      unbilled: 0,
      duplicates: 0,
      rejected: 0,
      "items[0].status": "billed",
      ...Object.fromEntries(Object.entries(fee).map(([k, v]) => [`items[0].fees[0].${k}`, v])),
      "items[0].fees[1]": undefined,
      balances: [{ ...balance, asset: balance.account_id.split(":")[1] }],
    });
}

export const usageSteps: GuideStep[] = [
  {
    name: "unit_event",
    title: "Step 6 · a unit-based event by customer_external_id: $2.50",
    method: "POST",
    path: "/events",
    body: "step6_unit_event",
    check: billedOnce({ amount: 2.5, asset: "USD", "product.code": "video_gen_std", price_name: "Video Generation", quantity: 1 }, { account_id: "default:USD", available: 122.5 }),
  },
  {
    name: "subscribe_chat",
    title: "Step 6 · subscribe the customer to chat_service_std, which the volume example bills",
    implied: true,
    method: "POST",
    path: "/customers/{{credytCustomerId}}/subscriptions",
    body: { own: { products: [{ code: "chat_service_std" }] } },
    values: jane,
    check: (res) => expectResponse(res, 201, { status: "active", "products[0].code": "chat_service_std", "products[0].version": 1 }),
  },
  {
    name: "volume_event",
    title: "Step 6 · a volume-based event: 1,500 tokens × $0.001",
    method: "POST",
    path: "/events",
    body: "step6_volume_event",
    values: jane,
    check: billedOnce({ amount: 1.5, asset: "USD", "product.code": "chat_service_std", quantity: 1500, "rate.volume_rate": 0.001 }, { account_id: "default:USD", available: 121 }),
  },
  {
    name: "chat_customer",
    title: "Step 6 · a second customer on chat_multimodel, which the dimensional example bills (chat_service_std would bill it too)",
    implied: true,
    method: "POST",
    path: "/customers",
    body: { own: { name: "Multi-model user", external_id: "user_67890", subscriptions: [{ products: [{ code: "chat_multimodel" }] }] } },
    check: (res, ctx) => {
      expectResponse(res, 201, { "subscriptions[0].products[0].code": "chat_multimodel" });
      ctx.ids.chatUser = captured(res, "id");
    },
  },
  {
    name: "dimensional_event",
    title: "Step 6 · a dimensional event: GPT-4 tokens at $0.03, the wallet may go negative (overdraft)",
    method: "POST",
    path: "/events",
    body: "step6_dimensional_event",
    values: (ctx) => ({ credytCustomerId: ctx.ids.chatUser }),
    check: billedOnce({ amount: 60, price_name: "GPT-4 Tokens", dimensions: { model: "gpt-4" }, quantity: 2000 }, { account_id: "default:USD", available: -60 }),
  },
  {
    name: "hybrid_asset",
    title: "Hybrid billing · the CREDIT asset again: it exists since Step 2 (422 on code)",
    method: "POST",
    path: "/assets",
    body: "hybrid_credit_asset",
    check: (res) => expectResponse(res, 422, { "errors.code": ["An asset with code 'CREDIT' already exists."] }),
  },
  {
    name: "hybrid_product",
    title: "Hybrid billing · a $20/month plan with 1,000 credits and image usage in credits",
    method: "POST",
    path: "/products",
    body: "hybrid_product",
    check: (res, ctx) => {
      expectResponse(res, 201, { code: "premium_monthly", version: 1, status: "published", is_default: true });
      ctx.ids.premiumProduct = captured(res, "id");
    },
  },
  {
    name: "hybrid_customer",
    title: "Hybrid billing · subscribe a customer as written (no return or failure URL): pending, with a payment action",
    method: "POST",
    path: "/customers",
    body: "hybrid_customer",
    // Step 3 already made user_12345 on this platform; the plan's subscriber is another user of the app.
    override: { external_id: "user_12345_premium" },
    check: (res, ctx) => {
      expectResponse(res, 201, {
        email: "jane@example.com",
        "subscriptions[0].status": "pending",
        "subscriptions[0].products[0].code": "premium_monthly",
        "subscriptions[0].required_actions[0].type": "payment",
        "subscriptions[0].required_actions[0].redirect_url": matching(/^https?:\/\/\S+$/),
      });
      ctx.ids.premiumCustomer = captured(res, "id");
      ctx.ids.subscription = captured(res, "subscriptions[0].id");
    },
  },
  {
    name: "hybrid_psp_payment",
    title: "Hybrid billing · a subscription paid in your own PSP, reflected as an adjustment",
    method: "POST",
    path: "/customers/{{customerId}}/wallet/adjustments",
    body: "hybrid_external_psp_adjustment",
    values: (ctx) => ({ customerId: ctx.ids.premiumCustomer, subscriptionId: ctx.ids.subscription }),
    check: (res, ctx) => expectResponse(res, 201, { id: `sub_payment_${ctx.ids.subscription}` }),
  },
  {
    name: "refund",
    title: "Refunds · a negative external_refund adjustment of $20",
    method: "POST",
    path: "/customers/{{customerId}}/wallet/adjustments",
    body: "refund_adjustment",
    values: (ctx) => ({ ...jane(ctx), originalPaymentId: "pi_abc123" }),
    check: (res) => expectResponse(res, 201, { id: "refund_pi_abc123", created_at: matching(/^\d{4}-\d\d-\d\dT/) }),
  },
  {
    name: "cost_event",
    title: "Cost tracking · an event whose cost names the unregistered vendor vnd_openai_123 is billed",
    method: "POST",
    path: "/events",
    body: "cost_tracking_event",
    values: jane,
    check: (res, ctx) => {
      billedOnce({ amount: 2.5, "product.code": "video_gen_std" }, { account_id: "default:USD", available: 98.5 })(res, ctx);
      expectResponse(res, 201, { "items[0].warnings[0].code": "vendor_registered", "items[0].warnings[0].field": "costs[0].vendor_external_id" });
    },
  },
  {
    name: "cost_recorded",
    title: "Cost tracking · the event carries its fee and its cost, against the vendor registered on first sight",
    method: "GET",
    path: "/events/{{eventId}}",
    values: (ctx) => ({ eventId: ctx.sent.cost_event.events[0].id }),
    check: (res, ctx) => {
      const cost = ctx.sent.cost_event.events[0].costs[0];
      expectResponse(res, 200, {
        status: "billed",
        "fees[0].amount": 2.5,
        "costs[0].vendor_id": matching(/^vnd_[0-9a-z]{26}$/),
        "costs[0].vendor_name": "vnd_openai_123",
        "costs[0].id": cost.id,
        "costs[0].amount": 0.16,
        "costs[0].currency": "USD",
        "costs[0].description": "OpenAI Sora API",
        "costs[0].metadata": cost.metadata,
        "costs[1]": undefined,
      });
    },
  },
  {
    name: "profitability",
    title: "Cost tracking · profitability: gross revenue, costs, net revenue and margin",
    method: "GET",
    path: "/customers/{{customerId}}/stats",
    values: jane,
    check: (res) =>
      expectResponse(res, 200, {
        revenue: [{ asset: "USD", amount: 6.5, value: { currency: "USD", amount: 6.5 } }],
        costs: [{ currency: "USD", amount: 0.16 }],
        margin: [{ currency: "USD", revenue: 6.5, costs: 0.16, net: 6.34, margin: 0.9754 }],
      }),
  },
];
