import { setTimeout as delay } from "node:timers/promises";
import { benchEvent } from "../../bench/ingest/product";
import { summarize, type Summary } from "../../bench/lib/stats";

/**
 * What customers do in the portal while the topology is shaken: browse (balances, usage, the overview
 * page), pay top-ups on the test provider's checkout, and, for one probe customer, how long after a
 * write through the API the portal shows it (the replica lag the portal lets a customer see).
 */
export interface PortalLoad {
  stop(): Promise<void>;
  /** Failed reads, counted by path, status and second, and the moments (performance.now) they failed. */
  browse: { ok: number; failed: number; why: Map<string, number>; failedAt: number[] };
  /** Top-ups paid per customer (5 USD each), by customer id. */
  paid: Map<string, number>;
  /** Reads right after paying (read-your-writes marker set) that did not show the payment. */
  staleAfterPay: number;
  lagMs: number[];
  lagTimeouts: number;
}

interface Customer {
  id: string;
  cookie: string;
}

const TOP_UP = 5;

async function call(url: string, cookie: string, init: RequestInit = {}): Promise<{ status: number; json: any; setCookie: string[] } | null> {
  try {
    const res = await fetch(url, { ...init, headers: { cookie, origin: new URL(url).origin, "content-type": "application/json", ...init.headers } });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: res.status, json, setCookie: res.headers.getSetCookie() };
  } catch {
    return null;
  }
}

// The portal's balances name the account accountId, the API's account_id.
type Balance = { accountId?: string; account_id?: string; available: string };
const balanceOf = (balances: unknown, account = "default:USD"): number =>
  Number((balances as Balance[] | null)?.find((b) => (b.accountId ?? b.account_id) === account)?.available ?? Number.NaN);
const usd = (balances: unknown) => balanceOf(balances);

async function payOnce(base: string, customer: Customer, load: PortalLoad): Promise<void> {
  const started = await call(`${base}/api/portal/top-ups`, customer.cookie, { method: "POST", body: JSON.stringify({ account_id: "default:USD", amount: TOP_UP }) });
  if (started?.status !== 201) return;
  const session = String(started.json.redirect_url).split("/").pop();
  const card = JSON.stringify({ card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" });
  for (let tries = 0; tries < 100; tries++) {
    const paid = await call(`${base}/api/test-checkout/${session}`, customer.cookie, { method: "POST", body: card });
    if (paid?.status === 200 && paid.json?.kind === "redirect") {
      const count = (load.paid.get(customer.id) ?? 0) + 1;
      load.paid.set(customer.id, count);
      const marker = paid.setCookie.map((c) => c.split(";")[0]).join("; ");
      const after = await call(`${base}/api/portal/balances`, `${customer.cookie}; ${marker}`);
      if (after?.status === 200 && usd(after.json) < count * TOP_UP) load.staleAfterPay++;
      return;
    }
    await delay(100);
  }
}

async function probeLag(base: string, key: string, probe: Customer, n: number, load: PortalLoad): Promise<void> {
  const body = JSON.stringify({ customer_id: probe.id, events: [benchEvent(`lag-probe-${n}`, n)] });
  const res = await fetch(`${base}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body }).catch(() => null);
  if (!res || res.status !== 201) return;
  const { balances } = (await res.json()) as { balances: Balance[] };
  const account = balances[0]?.account_id;
  const written = balanceOf(balances, account);
  const from = performance.now();
  while (performance.now() - from < 10_000) {
    const read = await call(`${base}/api/portal/balances`, probe.cookie);
    if (read?.status === 200 && balanceOf(read.json, account) <= written) return void load.lagMs.push(performance.now() - from);
    await delay(10);
  }
  load.lagTimeouts++;
}

export function startPortalLoad(base: string, key: string, browsers: Customer[], payers: Customer[], probe: Customer): PortalLoad {
  let running = true;
  const load: PortalLoad = { stop: async () => undefined, browse: { ok: 0, failed: 0, why: new Map(), failedAt: [] }, paid: new Map(), staleAfterPay: 0, lagMs: [], lagTimeouts: 0 };
  const browse = async (customer: Customer) => {
    const paths = ["/api/portal/balances", "/api/portal/usage", "/api/portal/transactions", "/"];
    for (let i = 0; running; i++) {
      const path = paths[i % paths.length]!;
      const res = await call(`${base}${path}`, customer.cookie);
      if (res?.status === 200) load.browse.ok++;
      else {
        load.browse.failed++;
        load.browse.failedAt.push(performance.now());
        const why = `${path} ${res?.status ?? "no answer"} at ${Math.round(performance.now() / 1000)} s`;
        load.browse.why.set(why, (load.browse.why.get(why) ?? 0) + 1);
      }
      await delay(50);
    }
  };
  const pay = async () => {
    for (let i = 0; running; i++) {
      await payOnce(base, payers[i % payers.length]!, load);
      await delay(500);
    }
  };
  const lag = async () => {
    for (let n = 0; running; n++) {
      await probeLag(base, key, probe, n, load);
      await delay(500);
    }
  };
  const all = Promise.all([...browsers.map(browse), pay(), lag()]);
  load.stop = async () => {
    running = false;
    await all;
  };
  return load;
}

export function lagSummary(load: PortalLoad): Summary {
  return summarize(load.lagMs);
}
