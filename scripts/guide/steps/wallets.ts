// Standalone wallets (COINS), the Express middleware's balance check, troubleshooting (duplicates, both
// simulate paths) and the billing portal link, used once and then again.
import { expectResponse, GuideCheckFailure, type GuideResponse } from "../expect";
import type { GuideContext, GuideStep } from "../run-guide";

const jane = (ctx: GuideContext) => ({ credytCustomerId: ctx.ids.jane, customerId: ctx.ids.jane });

/** The simulation of Step 6's unit event on video_gen_std: $2.50, and nothing written. */
function simulatedUnitEvent(res: GuideResponse, ctx: GuideContext): void {
  expectResponse(res, 200, {
    "product.code": "video_gen_std",
    "product.version": 1,
    "items[0].id": ctx.sent.unit_event.events[0].id,
    "items[0].status": "billed",
    "items[0].fees[0].amount": 2.5,
    "items[0].fees[0].asset": "USD",
    totals: [{ asset: "USD", amount: 2.5 }],
  });
}

function expectRedirect(res: GuideResponse, location: string): void {
  if (res.status !== 303 || res.location !== location) throw new GuideCheckFailure(`expected a 303 to ${location}, got ${res.status} to ${res.location}`);
}

export const walletSteps: GuideStep[] = [
  {
    name: "coins_asset",
    title: "Standalone wallets · create the COINS asset before granting or pricing in it",
    method: "POST",
    path: "/assets",
    body: "standalone_coins_asset",
    check: (res) => expectResponse(res, 201, { code: "COINS", name: "Game Coins", precision: 0, symbol: "🪙", label: "COINS", "rates[0].rate": 0.01 }),
  },
  {
    name: "game_items",
    title: "Standalone wallets · a product that prices items in coins (100 per item)",
    method: "POST",
    path: "/products",
    body: "standalone_product",
    check: (res) => expectResponse(res, 201, { code: "game_items", version: 1, status: "published", is_default: true }),
  },
  {
    name: "subscribe_game",
    title: "Standalone wallets · subscribe the player to game_items, so spending coins is billed",
    implied: true,
    method: "POST",
    path: "/customers/{{customerId}}/subscriptions",
    body: { own: { products: [{ code: "game_items" }] } },
    values: jane,
    check: (res) => expectResponse(res, 201, { status: "active", "products[0].code": "game_items" }),
  },
  {
    name: "gift",
    title: "Standalone wallets · a quest grants 500 coins (reason gift)",
    method: "POST",
    path: "/customers/{{customerId}}/wallet/adjustments",
    body: "standalone_gift_adjustment",
    values: (ctx) => ({ ...jane(ctx), questId: "quest_42", userId: "user_12345" }),
    check: (res) => expectResponse(res, 201, { id: "quest_completed_quest_42_user_12345" }),
  },
  {
    name: "spend_coins",
    title: "Standalone wallets · spending coins is a usage event: 100 coins",
    method: "POST",
    path: "/events",
    body: "standalone_spend_event",
    values: (ctx) => ({ ...jane(ctx), itemId: "speed_boost_1" }),
    check: (res) =>
      expectResponse(res, 201, {
        billed: 1,
        "items[0].status": "billed",
        "items[0].fees[0].amount": 100,
        "items[0].fees[0].asset": "COINS",
        balances: [{ account_id: "default:COINS", asset: "COINS", available: 400 }],
      }),
  },
  {
    name: "check_balance",
    title: "Middleware example · checkBalance: every account of the wallet",
    method: "GET",
    path: "/customers/{{customerId}}/wallet",
    values: jane,
    check: (res) =>
      expectResponse(res, 200, {
        accounts: [
          { id: "default:USD", name: "default", asset: "USD", available: 98.5 },
          { id: "default:COINS", name: "default", asset: "COINS", available: 400 },
        ],
      }),
  },
  {
    name: "customer_detail",
    title: "Troubleshooting · is the customer subscribed? GET /customers/:id",
    method: "GET",
    path: "/customers/{{customerId}}",
    values: jane,
    check: (res) =>
      expectResponse(res, 200, {
        "subscriptions[0].products[0].code": "video_gen_std",
        "subscriptions[1].products[0].code": "chat_service_std",
        "subscriptions[2].products[0].code": "game_items",
        "subscriptions[3]": undefined,
      }),
  },
  {
    name: "duplicate",
    title: "Troubleshooting · an event id sent again is a duplicate and is not billed",
    method: "POST",
    path: "/events",
    body: { own: "{{unit event as sent}}" },
    values: (ctx) => ({ "unit event as sent": ctx.sent.unit_event }),
    check: (res, ctx) =>
      expectResponse(res, 200, { billed: 0, duplicates: 1, items: [{ id: ctx.sent.unit_event.events[0].id, status: "duplicate", fees: [] }], balances: [] }),
  },
  {
    name: "simulate",
    title: "Troubleshooting · test without affecting balances: POST /products/:productId/simulate",
    method: "POST",
    path: "/products/{{productId}}/simulate",
    body: "troubleshooting_simulation",
    values: (ctx) => ({ productId: ctx.ids.videoProduct, "your test event": ctx.sent.unit_event.events[0] }),
    check: simulatedUnitEvent,
  },
  {
    name: "simulate_usage",
    title: "Troubleshooting · the same through /products/:productId/default/simulate-usage",
    method: "POST",
    path: "/products/{{productId}}/default/simulate-usage",
    body: "troubleshooting_simulation",
    values: (ctx) => ({ productId: ctx.ids.videoProduct, "your test event": ctx.sent.unit_event.events[0] }),
    check: simulatedUnitEvent,
  },
  {
    name: "balance_unchanged",
    title: "Troubleshooting · the duplicate and both simulations left the balance alone",
    method: "GET",
    path: "/customers/{{customerId}}/wallet/default:USD",
    values: jane,
    check: (res) => expectResponse(res, 200, { available: 98.5 }),
  },
  {
    name: "portal_link",
    title: "Step 4 · option A's link signs the customer into the portal",
    method: "GET",
    path: "{{portal link}}",
    values: (ctx) => ({ "portal link": ctx.ids.portalLink }),
    check: (res) => expectRedirect(res, "/"),
  },
  {
    name: "portal_link_used",
    title: "Billing portal link expired or used: the customer lands on the session's failure_url",
    method: "GET",
    path: "{{portal link}}",
    values: (ctx) => ({ "portal link": ctx.ids.portalLink }),
    check: (res) => expectRedirect(res, "https://yourapp.com/billing-error"),
  },
];
