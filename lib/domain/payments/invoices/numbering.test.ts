import { and, asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { invoices } from "@/lib/kernel/db/schema";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { paymentsWorld, portalSession, type PaymentsWorld } from "@/test/support/payments-fixtures";
import { testProviderSuite } from "@/test/support/stripe-suite";

describe.each(testDatabases())("invoice numbering on $name", (target) => {
  const suite = testProviderSuite(target);

  const pay = (url: string, card = "4242 4242 4242 4242") =>
    callApi("POST", `/api/test-checkout/${url.split("/").pop()}`, {
      body: { card_number: card, expiry: "12 / 34", cvc: "123" },
      headers: { origin: "http://portal.test" },
    });

  async function startTopUps(w: PaymentsWorld, n: number): Promise<{ id: string; redirect_url: string }[]> {
    const portal = await portalSession(suite.database, w);
    const out = [];
    for (let i = 0; i < n; i++) {
      const res = await portal("POST", "/api/portal/top-ups", { body: { account_id: "default:USD", amount: 10 + i } });
      expect(res.status, res.text).toBe(201);
      out.push(res.json as { id: string; redirect_url: string });
    }
    return out;
  }

  const issued = (w: PaymentsWorld) =>
    suite.database.db
      .select()
      .from(invoices)
      .where(and(eq(invoices.platformId, w.platform.id), eq(invoices.liveMode, false)))
      .orderBy(asc(invoices.sequence));

  it("gives 32 concurrent payments the numbers 1 to 32, each once, one invoice per payment", async () => {
    const w = await paymentsWorld(suite.database);
    const topUps = await startTopUps(w, 32);
    const results = await Promise.all(topUps.map((t) => pay(t.redirect_url)));
    expect(results.map((r) => r.json.kind)).toEqual(Array(32).fill("redirect"));
    // Paying again (a duplicate delivery) issues nothing more.
    await Promise.all(topUps.slice(0, 4).map((t) => pay(t.redirect_url)));
    const rows = await issued(w);
    expect(rows.map((r) => r.sequence)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 32 }, (_, i) => `INV-TEST-${String(i + 1).padStart(6, "0")}`));
    expect(new Set(rows.map((r) => r.topUpId))).toEqual(new Set(topUps.map((t) => t.id)));
    for (const row of rows) {
      const topUp = topUps.findIndex((t) => t.id === row.topUpId);
      expect(row.total).toBe(`${10 + topUp}.000000000000`);
    }
  });

  it("issues nothing for a declined payment or an abandoned checkout, and refuses to change an issued invoice", async () => {
    const w = await paymentsWorld(suite.database);
    const portal = await portalSession(suite.database, w);
    const [declined, abandoned, paid] = await startTopUps(w, 3);
    expect((await pay(declined!.redirect_url, "4000 0000 0000 0002")).json.kind).toBe("declined");
    expect((await portal("POST", `/api/portal/top-ups/${abandoned!.id}/cancel`)).status).toBe(200);
    expect((await pay(abandoned!.redirect_url)).json.kind).toBe("expired");
    expect(await issued(w)).toEqual([]);
    expect((await pay(paid!.redirect_url)).json.kind).toBe("redirect");
    const rows = await issued(w);
    expect(rows.map((r) => [r.topUpId, r.number])).toEqual([[paid!.id, "INV-TEST-000001"]]);
    const refusal = (query: Promise<unknown>) => query.then(() => "changed", (error: Error) => String(error.cause));
    expect(await refusal(suite.database.db.update(invoices).set({ total: "0" }).where(eq(invoices.id, rows[0]!.id)))).toMatch(/issued invoices are immutable/);
    expect(await refusal(suite.database.db.delete(invoices).where(eq(invoices.id, rows[0]!.id)))).toMatch(/issued invoices are immutable/);
  });
});
