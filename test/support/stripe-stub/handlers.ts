import { StubError, createdNow, invalidRequest, stubId, type StubState } from "./state";

export interface StubCall {
  method: string;
  path: string;
  query: Record<string, any>;
  body: Record<string, any>;
}

type Handler = (s: StubState, call: StubCall, params: string[]) => unknown;

const list = (data: unknown[], url: string) => ({ object: "list", data, has_more: false, url });
const expands = (call: StubCall, field: string) => JSON.stringify(call.query.expand ?? call.body.expand ?? []).includes(field);
const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw invalidRequest(`No such ${what}`);
  return value;
};

function createCheckout(s: StubState, { body }: StubCall) {
  const line = body.line_items?.[0]?.price_data;
  const session = {
    id: stubId("cs_test"), object: "checkout.session", mode: body.mode, status: "open", payment_status: "unpaid",
    customer: body.customer, metadata: body.metadata ?? {}, client_reference_id: body.client_reference_id ?? null,
    amount_total: line ? Number(line.unit_amount) : null, currency: line?.currency ?? null,
    payment_intent: null, setup_intent: null, expires_at: Number(body.expires_at),
    success_url: body.success_url, cancel_url: body.cancel_url,
    payment_intent_data: body.payment_intent_data ?? null, url: "",
  };
  session.url = `https://checkout.stripe.test/c/pay/${session.id}`;
  s.sessions.set(session.id, session);
  return session;
}

function declineError(pi: any, code: string, declineCode: string | null, message: string) {
  pi.status = "requires_payment_method";
  pi.last_payment_error = { type: "card_error", code, decline_code: declineCode, message };
  return new StubError(402, { type: "card_error", code, decline_code: declineCode, message, payment_intent: pi });
}

function createIntent(s: StubState, { body }: StubCall) {
  const card = need(s.cards.get(body.payment_method), "payment_method");
  if (card.customer !== body.customer) throw invalidRequest("The payment method does not belong to this customer.", "payment_method_not_attached");
  const pi: any = {
    id: stubId("pi"), object: "payment_intent", amount: Number(body.amount), currency: body.currency, customer: body.customer,
    payment_method: card.id, metadata: body.metadata ?? {}, description: body.description ?? null, livemode: false,
    status: "succeeded", latest_charge: null, last_payment_error: null, created: createdNow(), amount_received: 0,
  };
  s.intents.set(pi.id, pi);
  switch (card.behaviour) {
    case "decline": throw declineError(pi, "card_declined", "generic_decline", "Your card was declined.");
    case "insufficient_funds": throw declineError(pi, "card_declined", "insufficient_funds", "Your card has insufficient funds.");
    case "hard_decline": throw declineError(pi, "card_declined", "lost_card", "Your card was declined.");
    case "authenticate": throw declineError(pi, "authentication_required", "authentication_required", "This payment requires authentication.");
    case "processing": pi.status = "processing"; return pi;
    default: s.charge(pi, card); return pi;
  }
}

/** One of Stripe's list pages over `objects` (oldest first): newest first, `created[gte]`, `limit` and `starting_after`. */
function page(objects: any[], { query }: StubCall, url: string) {
  const since = Number(query.created?.gte ?? 0);
  const newestFirst = objects.reverse().filter((o) => o.created >= since);
  const after = query.starting_after ? newestFirst.findIndex((o) => o.id === query.starting_after) + 1 : 0;
  const limit = Number(query.limit ?? 10);
  return { ...list(newestFirst.slice(after, after + limit), url), has_more: after + limit < newestFirst.length };
}

function listIntents(s: StubState, call: StubCall) {
  const expand = JSON.stringify(call.query.expand ?? []).includes("data.latest_charge");
  return page([...s.intents.values()].map((pi) => s.intentJson(pi, expand)), call, "/v1/payment_intents");
}

function listEvents(s: StubState, call: StubCall) {
  const types: string[] | undefined = call.query.types;
  return page([...s.events.values()].filter((e) => !types || types.includes(e.type)), call, "/v1/events");
}

const ROUTES: [string, RegExp, Handler][] = [
  ["POST", /^\/v1\/customers$/, (s, { body }) => {
    const c = { id: stubId("cus"), object: "customer", email: body.email ?? null, name: body.name ?? null, metadata: body.metadata ?? {}, invoice_settings: { default_payment_method: null } };
    s.customers.set(c.id, c);
    return c;
  }],
  ["POST", /^\/v1\/customers\/([^/]+)$/, (s, { body }, [id]) => {
    const c = need(s.customers.get(id!), "customer");
    if (body.invoice_settings?.default_payment_method) c.invoice_settings.default_payment_method = body.invoice_settings.default_payment_method;
    return c;
  }],
  ["GET", /^\/v1\/customers\/([^/]+)\/payment_methods$/, (s, _c, [id]) =>
    list([...s.cards.values()].filter((c) => c.customer === id).map((c) => s.paymentMethodJson(c)), `/v1/customers/${id}/payment_methods`)],
  ["POST", /^\/v1\/payment_methods\/([^/]+)\/detach$/, (s, _c, [id]) => {
    const card = need(s.cards.get(id!), "payment_method");
    card.customer = null;
    return s.paymentMethodJson(card);
  }],
  ["POST", /^\/v1\/checkout\/sessions$/, createCheckout],
  ["GET", /^\/v1\/checkout\/sessions\/([^/]+)$/, (s, _c, [id]) => need(s.sessions.get(id!), "checkout session")],
  ["POST", /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, (s, _c, [id]) => {
    const session = need(s.sessions.get(id!), "checkout session");
    if (session.status !== "open") throw new StubError(400, { type: "invalid_request_error", code: "checkout_session_not_open", message: "Only open sessions can be expired." });
    session.status = "expired";
    return session;
  }],
  ["POST", /^\/v1\/payment_intents$/, createIntent],
  ["GET", /^\/v1\/payment_intents$/, listIntents],
  ["GET", /^\/v1\/events$/, listEvents],
  ["GET", /^\/v1\/payment_intents\/([^/]+)$/, (s, call, [id]) => s.intentJson(need(s.intents.get(id!), "payment_intent"), expands(call, "latest_charge"))],
  ["GET", /^\/v1\/charges\/([^/]+)$/, (s, _c, [id]) => need(s.chargeJson(id!), "charge")],
  ["GET", /^\/v1\/disputes$/, (s, { query }) => list([...s.disputes.values()].filter((d) => d.payment_intent === query.payment_intent), "/v1/disputes")],
  ["GET", /^\/v1\/refunds$/, (s, { query }) => list([...s.refunds.values()].filter((r) => r.charge === query.charge), "/v1/refunds")],
  ["GET", /^\/v1\/setup_intents\/([^/]+)$/, (s, _c, [id]) => need(s.setupIntents.get(id!), "setup_intent")],
];

/** Runs the stub's handler for a call; unknown paths are Stripe-style 404s. */
export function handle(state: StubState, call: StubCall): unknown {
  for (const [method, pattern, handler] of ROUTES) {
    const match = call.method === method ? pattern.exec(call.path) : null;
    if (match) return handler(state, call, match.slice(1));
  }
  throw invalidRequest(`Unrecognized request URL (${call.method}: ${call.path})`, "unrecognized_url");
}
