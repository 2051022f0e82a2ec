import fc from "fast-check";
import { sql } from "drizzle-orm";
import { advanceClock, now } from "@/lib/kernel/clock";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { dec, ZERO, type Decimal } from "@/lib/kernel/money";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { expireHoldJob } from "@/lib/domain/guardrails/holds";
import { callApi } from "@/test/support/api-client";
import { eventId, subscribedCustomer, type BillingSetup } from "@/test/support/billing-fixtures";

/** One client's step on the shared wallet. Tokens price at 0.001 USD each (the chat product). */
export type Op =
  | { kind: "hold"; tenths: number; short: boolean }
  | { kind: "settle"; tokens: number }
  | { kind: "release" }
  | { kind: "event"; tokens: number }
  | { kind: "adjust"; tenths: number }
  | { kind: "budget" };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("hold" as const), tenths: fc.integer({ min: 5, max: 60 }), short: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("settle" as const), tokens: fc.integer({ min: 100, max: 7000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "release" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("event" as const), tokens: fc.integer({ min: 100, max: 4000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("adjust" as const), tenths: fc.integer({ min: -50, max: 80 }).filter((n) => n !== 0) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "budget" as const }) },
);

interface ModelHold {
  id: string;
  amount: Decimal;
  short: boolean;
  state: "active" | "settled" | "released";
  fee?: Decimal;
}

/** What the clients saw: their holds and what each became, every fee billed, every adjustment, and any unexpected answer. */
export interface World {
  database: Database;
  setup: BillingSetup;
  customerId: string;
  base: string;
  limit: Decimal;
  holds: ModelHold[];
  billed: Decimal;
  adjusted: Decimal;
  errors: string[];
}

// Long enough that no short hold lapses while the clients run, however loaded the machine.
const SHORT_MS = 10 * 60_000;
const tokensFee = (tokens: number) => dec(String(tokens)).times("0.001");

export async function newWorld(database: Database, setup: BillingSetup, limit: number): Promise<World> {
  const customerId = await subscribedCustomer(setup.key, ["chat_service_std"]);
  const base = `/api/v1/customers/${customerId}/wallet`;
  const w: World = { database, setup, customerId, base, limit: dec(String(limit)), holds: [], billed: ZERO, adjusted: ZERO, errors: [] };
  await adjust(w, 1000);
  const put = await callApi("PUT", `${base}/default:USD/budget`, { key: setup.key, body: { limit, period: "month", thresholds: [50, 80, 100], hard_stop: true } });
  if (put.status !== 200) throw new Error(`budget: ${put.status} ${put.text}`);
  return w;
}

async function adjust(w: World, tenths: number): Promise<void> {
  const amount = dec(String(tenths)).div(10);
  const body = { transaction_id: eventId("adj"), asset: "USD", amount: amount.toNumber(), reason: tenths > 0 ? "gift" : "adjustment" };
  const res = await callApi("POST", `${w.base}/adjustments`, { key: w.setup.key, body });
  if (res.status === 201) w.adjusted = w.adjusted.plus(amount);
  else w.errors.push(`adjust ${tenths}: ${res.status} ${res.text}`);
}

async function usage(w: World, tokens: number, hold: ModelHold | undefined): Promise<void> {
  const event = { id: eventId("use"), event_type: "message_completed", data: { total_tokens: tokens }, ...(hold ? { hold_id: hold.id } : {}) };
  const res = await callApi("POST", "/api/v1/events", { key: w.setup.key, body: { customer_id: w.customerId, events: [event] } });
  const item = res.json?.items?.[0] as { status: string; reason_code?: string } | undefined;
  if (item?.status === "billed") {
    w.billed = w.billed.plus(tokensFee(tokens));
    if (hold) Object.assign(hold, { state: "settled", fee: tokensFee(tokens) });
  } else if (!(item?.status === "rejected" && item.reason_code === "budget_exceeded")) w.errors.push(`event: ${res.status} ${res.text}`);
}

/** Runs one client's steps in order; its holds are its own, so what each became is known from its answers. */
export async function runClient(w: World, ops: Op[], gate: (label: string) => Promise<void> = async () => {}): Promise<void> {
  const mine: ModelHold[] = [];
  const lastActive = () => mine.findLast((h) => h.state === "active");
  for (const op of ops) {
    await gate(JSON.stringify(op));
    if (op.kind === "hold") {
      const expires = new Date(now().getTime() + (op.short ? SHORT_MS : 86_400_000)).toISOString();
      const amount = dec(String(op.tenths)).div(10);
      const res = await callApi("POST", `${w.base}/holds`, { key: w.setup.key, body: { asset: "USD", amount: amount.toNumber(), subject: "work", expires_at: expires } });
      if (res.status === 201) {
        const hold: ModelHold = { id: res.json.id as string, amount, short: op.short, state: "active" };
        mine.push(hold);
        w.holds.push(hold);
      } else if (!(res.status === 409 && res.json.code === "budget_exceeded")) w.errors.push(`hold: ${res.status} ${res.text}`);
    } else if (op.kind === "settle") await usage(w, op.tokens, lastActive());
    else if (op.kind === "event") await usage(w, op.tokens, undefined);
    else if (op.kind === "adjust") await adjust(w, op.tenths);
    else if (op.kind === "release") {
      const hold = lastActive();
      if (!hold) continue;
      const res = await callApi("DELETE", `${w.base}/holds/${hold.id}`, { key: w.setup.key });
      if (res.status === 200 && res.json.status === "released") hold.state = "released";
      else w.errors.push(`release: ${res.status} ${res.text}`);
    } else {
      const res = await callApi("PUT", `${w.base}/default:USD/budget`, { key: w.setup.key, body: { limit: w.limit.toNumber(), thresholds: [80, 50, 100], hard_stop: true } });
      if (res.status !== 200) w.errors.push(`budget: ${res.status} ${res.text}`);
    }
  }
}

const sum = (holds: ModelHold[]) => holds.reduce((s, h) => s.plus(h.amount), ZERO);

async function stateChecks(w: World, label: string, active: ModelHold[]): Promise<string[]> {
  const out: string[] = [];
  const account = await callApi("GET", `${w.base}/default:USD`, { key: w.setup.key });
  const pendingOut = dec(String(account.json.pending_out));
  if (!pendingOut.eq(sum(active))) out.push(`${label}: pending_out ${pendingOut.toString()} ≠ active holds ${sum(active).toString()}`);
  const balance = w.adjusted.minus(w.billed);
  if (!dec(String(account.json.available)).eq(balance.minus(pendingOut))) out.push(`${label}: available ${String(account.json.available)} ≠ ${balance.minus(pendingOut).toString()}`);
  const budget = await callApi("GET", `${w.base}/default:USD/budget`, { key: w.setup.key });
  const { spent, held } = budget.json.current_period as { spent: number; held: number };
  if (!dec(String(spent)).eq(w.billed)) out.push(`${label}: budget spent ${spent} ≠ billed ${w.billed.toString()}`);
  if (dec(String(spent)).plus(String(held)).gt(w.limit)) out.push(`${label}: hard stop overshot: spent ${spent} + held ${held} > ${w.limit.toString()}`);
  return out;
}

/**
 * Everything that must hold once the clients are done: no unexpected answer, the ledger's invariants,
 * the hard stop (debits plus active holds within the limit), each hold as its client left it,
 * pending_out the sum of active holds, then again after the short holds' expiry, before and after the
 * expiry job marks them.
 */
export async function worldViolations(w: World): Promise<string[]> {
  const out = [...w.errors, ...(await findLedgerViolations(w.database.db, w.setup.platform.id))];
  out.push(...(await stateChecks(w, "settled", w.holds.filter((h) => h.state === "active"))));
  const stored = rowsOf<{ id: string; status: string; settled_amount: string | null }>(
    await w.database.db.execute(sql`SELECT id, status, settled_amount::text FROM wallet_holds WHERE customer_id = ${w.customerId}`),
  );
  const byId = new Map(stored.map((r) => [r.id, r]));
  if (stored.length !== w.holds.length) out.push(`${stored.length} holds stored, ${w.holds.length} granted`);
  for (const h of w.holds) {
    const row = byId.get(h.id);
    if (row?.status !== h.state) out.push(`hold ${h.id}: ${row?.status} ≠ ${h.state}`);
    if (h.fee && !dec(row?.settled_amount ?? "-1").eq(h.fee)) out.push(`hold ${h.id}: settled ${row?.settled_amount} ≠ ${h.fee.toString()}`);
  }
  advanceClock(SHORT_MS + 60_000);
  try {
    const lasting = w.holds.filter((h) => h.state === "active" && !h.short);
    out.push(...(await stateChecks(w, "after expiry", lasting)));
    for (const h of w.holds.filter((x) => x.state === "active" && x.short)) {
      await expireHoldJob.handler(w.database.db, { ...w.setup.platform.scope, holdId: h.id }, { id: 0, kind: expireHoldJob.kind, attempts: 1, runAt: now() });
      const res = await callApi("GET", `${w.base}/holds/${h.id}`, { key: w.setup.key });
      if (res.json.status !== "expired") out.push(`hold ${h.id} not expired: ${res.json.status}`);
    }
    out.push(...(await stateChecks(w, "after expiry job", lasting)));
  } finally {
    advanceClock(-(SHORT_MS + 60_000));
  }
  return out;
}
