import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeForm } from "./form";
import { handle, type StubCall } from "./handlers";
import { StubError, StubState, createdNow, stubId, type CardBehaviour } from "./state";

export interface RecordedRequest extends StubCall {
  idempotencyKey: string | null;
  authorization: string | null;
  replayed: boolean;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * A small Stripe-compatible HTTP server for tests: the real SDK talks to it over HTTP, it records every
 * request (form body decoded, Idempotency-Key kept) and replays a stored answer for a repeated key,
 * as Stripe does. Tests drive what happens at "Stripe" through the control methods.
 */
export class StripeStub {
  readonly state = new StubState();
  readonly requests: RecordedRequest[] = [];
  /** The next N requests answer 500, standing in for a Stripe outage. */
  failNext = 0;
  /** Paths a restricted key may not read: Stripe answers 403, as it does for a missing permission. */
  readonly forbidden = new Set<string>();
  /** Holds each request until the promise it returns settles: a test's scheduler decides when Stripe answers. */
  gate: ((call: StubCall) => Promise<unknown>) | undefined;
  url = "";
  private readonly answers = new Map<string, { status: number; body: string }>();
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.serve(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Forgets every Stripe object and recorded request, as a new Stripe account would have none. */
  reset(): void {
    for (const objects of Object.values(this.state)) if (objects instanceof Map) objects.clear();
    this.requests.length = 0;
    this.answers.clear();
    this.forbidden.clear();
    this.gate = undefined;
  }

  /** Requests to one endpoint, e.g. calls("POST", "/v1/payment_intents"). */
  calls(method: string, path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && r.path === path);
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stub");
    const text = await readBody(req);
    const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
    const call: StubCall = { method: req.method ?? "GET", path: url.pathname, query: decodeForm(url.search.slice(1)), body: decodeForm(text) };
    if (this.gate) await this.gate(call);
    const stored = key && req.method === "POST" ? this.answers.get(key) : undefined;
    this.requests.push({ ...call, idempotencyKey: key, authorization: (req.headers.authorization as string) ?? null, replayed: !!stored });
    let answer = stored;
    if (!answer && this.forbidden.has(call.path)) {
      answer = { status: 403, body: JSON.stringify({ error: { type: "invalid_request_error", message: `The provided key does not have the required permissions for this endpoint (${call.path}).` } }) };
    }
    if (!answer && this.failNext > 0) {
      this.failNext--;
      answer = { status: 500, body: JSON.stringify({ error: { type: "api_error", message: "stub outage" } }) };
    }
    if (!answer) {
      try {
        answer = { status: 200, body: JSON.stringify(handle(this.state, call)) };
      } catch (error) {
        if (!(error instanceof StubError)) throw error;
        answer = { status: error.status, body: JSON.stringify({ error: error.body }) };
      }
      if (key && req.method === "POST") this.answers.set(key, answer);
    }
    res.writeHead(answer.status, { "content-type": "application/json", "request-id": stubId("req"), ...(stored ? { "idempotent-replayed": "true" } : {}) });
    res.end(answer.body);
  }

  /** The customer pays a Checkout Session: a saved card, a PaymentIntent (succeeded or processing) and its charge. */
  completeCheckout(sessionId: string, options: { processing?: boolean; last4?: string } = {}) {
    const s = this.state;
    const session = s.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    const card = s.addCard(session.customer, "succeed", options.last4 ?? "4242");
    const data = session.payment_intent_data ?? {};
    const pi: any = {
      id: stubId("pi"), object: "payment_intent", amount: session.amount_total, currency: session.currency, customer: session.customer,
      payment_method: card.id, metadata: data.metadata ?? {}, livemode: false, latest_charge: null, last_payment_error: null,
      status: options.processing ? "processing" : "succeeded", created: createdNow(), amount_received: 0,
    };
    s.intents.set(pi.id, pi);
    if (!options.processing) s.charge(pi, card);
    Object.assign(session, { status: "complete", payment_status: options.processing ? "unpaid" : "paid", payment_intent: pi.id });
    return { session, intent: pi };
  }

  /** An asynchronous payment finally succeeds or fails. */
  settleIntent(piId: string, outcome: "succeeded" | "failed") {
    const pi = this.state.intents.get(piId);
    if (outcome === "succeeded") {
      pi.status = "succeeded";
      this.state.charge(pi, this.state.cards.get(pi.payment_method));
    } else {
      pi.status = "requires_payment_method";
      pi.last_payment_error = { type: "card_error", code: "payment_failed", decline_code: "generic_decline", message: "The payment failed." };
    }
    return pi;
  }

  /** The customer saves a card in a setup-mode Checkout Session. */
  completeSetup(sessionId: string, behaviour: CardBehaviour = "succeed", last4 = "4242") {
    const session = this.state.sessions.get(sessionId);
    const card = this.state.addCard(session.customer, behaviour, last4);
    const si = { id: stubId("seti"), object: "setup_intent", status: "succeeded", customer: session.customer, payment_method: card.id, metadata: session.metadata };
    this.state.setupIntents.set(si.id, si);
    Object.assign(session, { status: "complete", setup_intent: si.id });
    return { session, card };
  }

  refund(piId: string, amount: number, status = "succeeded") {
    const pi = this.state.intents.get(piId);
    const refund = { id: stubId("re"), object: "refund", amount, currency: pi.currency, status, payment_intent: piId, charge: pi.latest_charge };
    this.state.refunds.set(refund.id, refund);
    return refund;
  }

  /** A dispute on the intent's charge, kept so Stripe lists it; change its status to move it on. */
  dispute(piId: string, amount: number, status: string) {
    const pi = this.state.intents.get(piId);
    const dispute = { id: stubId("dp"), object: "dispute", amount, currency: pi.currency, status, payment_intent: piId, charge: pi.latest_charge };
    this.state.disputes.set(dispute.id, dispute);
    this.state.charges.get(pi.latest_charge).disputed = true;
    return dispute;
  }

  /** A webhook event body for `object`, as Stripe would send it; Stripe's events API lists it from then on. */
  event(type: string, object: unknown, livemode = false): string {
    const event = { id: stubId("evt"), object: "event", type, livemode, created: createdNow(), data: { object } };
    this.state.events.set(event.id, event);
    return JSON.stringify(event);
  }
}
