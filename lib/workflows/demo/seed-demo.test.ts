import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { rowsOf } from "@/lib/kernel/db/rows";
import { findLedgerViolations } from "@/lib/domain/ledger";
import { testDatabases } from "@/test/support/databases";
import { spendByLane } from "@/lib/workflows/wallet/spend/lanes/lane-spend";
import { seedDemo, type DemoCredentials } from "./seed-demo";

describe.each(testDatabases())("demo seed on $name", (target) => {
  let database: Database;
  let demo: DemoCredentials;
  const now = new Date("2026-03-15T12:00:00Z");
  beforeAll(async () => {
    database = await target.open();
    demo = await seedDemo(database.db, now);
  });
  afterAll(() => database.close());

  const query = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await database.db.execute(q));

  it("seeds months of billed usage per customer", async () => {
    const perCustomer = await query<{ customer_id: string; n: string; first: Date | string; last: Date | string; products: string }>(sql`
      SELECT e.customer_id, count(DISTINCT e.pk)::text AS n, min(e.occurred_at) AS first, max(e.occurred_at) AS last,
        string_agg(DISTINCT f.product_code || ':' || f.price_name, ',' ORDER BY f.product_code || ':' || f.price_name) AS products
      FROM events e JOIN event_fees f ON f.event_pk = e.pk WHERE e.platform_id = ${demo.platformId} GROUP BY e.customer_id`);
    expect(perCustomer).toHaveLength(3);
    for (const c of perCustomer) {
      expect(Number(c.n)).toBeGreaterThan(200);
      expect(now.getTime() - new Date(c.first).getTime()).toBeGreaterThan(170 * 86_400_000);
      expect(now.getTime() - new Date(c.last).getTime()).toBeLessThan(2 * 86_400_000);
      expect(c.products.split(",")).toEqual(expect.arrayContaining(["glitch_api:Glitch-4 tokens", "glitch_api:Other model tokens", "glitch_images:HD image", "glitch_images:Image"]));
    }
  });

  it("shows spend lanes: model and API key are marked visible and every charged event carries an API key", async () => {
    const scope = { platformId: demo.platformId, liveMode: false, customerId: demo.customers[0]!.id };
    const window = { from: "2026-02-14", until: "2026-03-16", bucket: "day", timeZone: "UTC" } as const;
    const keys = await spendByLane(database.db, scope, { by: "api_key", asset: "USD", ...window });
    expect(keys.totals.map((t) => t.value).sort()).toEqual(["notebook", "prod-server", "staging"]);
    const models = await spendByLane(database.db, scope, { by: "model", asset: "USD", ...window });
    expect(models.totals.map((t) => t.value)).toEqual(expect.arrayContaining(["glitch-4", "glitch-4-mini"]));
    expect(models.series.total).toBe(keys.series.total);
  });

  it("leaves a sound ledger whose debits equal the fees and whose history follows the clock", async () => {
    expect(await findLedgerViolations(database.db, demo.platformId)).toEqual([]);
    const [totals] = await query<{ fees: string; debits: string }>(sql`
      SELECT (SELECT sum(amount) FROM event_fees WHERE platform_id = ${demo.platformId})::text AS fees,
             (SELECT sum(amount) FROM ledger_transfers WHERE platform_id = ${demo.platformId} AND category = 'usage_fee')::text AS debits`);
    expect(totals!.fees).toBe(totals!.debits);
    const [outOfOrder] = await query<{ n: string }>(sql`
      SELECT count(*)::text AS n FROM (
        SELECT created_at < lag(created_at) OVER (PARTITION BY account_id ORDER BY account_version) AS back
        FROM ledger_entries WHERE platform_id = ${demo.platformId} AND customer_id IS NOT NULL) x WHERE back`);
    expect(outOfOrder!.n).toBe("0");
    const [costs] = await query<{ n: string }>(sql`SELECT count(*)::text AS n FROM event_costs WHERE platform_id = ${demo.platformId}`);
    expect(Number(costs!.n)).toBeGreaterThan(100);
  });

  it("opens on healthy wallets: every balance positive now and never below zero in the history", async () => {
    const accounts = await query<{ owner: string; asset: string; balance: string; lowest: string }>(sql`
      SELECT a.owner, a.asset_code AS asset, a.balance::text AS balance,
        (SELECT min(e.balance_after) FROM ledger_entries e WHERE e.account_id = a.id)::text AS lowest
      FROM ledger_accounts a WHERE a.platform_id = ${demo.platformId} AND a.owner = ANY(${sql.param(demo.customers.map((c) => c.id))}::text[])`);
    expect(accounts.map((a) => a.asset).sort()).toEqual(["CREDIT", "CREDIT", "CREDIT", "USD", "USD", "USD"]);
    for (const a of accounts) {
      expect(Number(a.balance), `${a.owner} ${a.asset}`).toBeGreaterThan(a.asset === "USD" ? 20 : 100);
      expect(Number(a.lowest), `${a.owner} ${a.asset}`).toBeGreaterThanOrEqual(0);
    }
    expect(demo.customers[0]!.name).toBe("Ada Lovelace");
  });
});
