import fc from "fast-check";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/kernel/db";
import { ledgerEntries, ledgerTransfers } from "@/lib/kernel/db/schema";
import { createAsset } from "@/lib/domain/assets/create-asset";
import { createCustomer } from "@/lib/workflows/subscriptions/create-customer";
import { IdempotencyMismatchError } from "@/lib/kernel/errors";
import { dec, type Decimal } from "@/lib/kernel/money";
import { testDatabases } from "@/test/support/databases";
import { createTestPlatform } from "@/test/support/fixtures";
import { createAdjustment } from "@/lib/workflows/wallet/create-adjustment";
import { listWalletAccounts } from "@/lib/domain/wallet/get-wallet";
import { findLedgerViolations } from "./invariants";

const RUNS = Number(process.env.LEDGER_PROPERTY_RUNS ?? 200);
const REASONS = ["external_topup", "external_refund", "gift", "promotional", "adjustment"] as const;

const amountArb = fc
  .tuple(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 6 }))
  .map(([digits, scale]) => dec(String(digits)).div(dec("10").pow(scale)));

const opArb = fc.record({
  customer: fc.integer({ min: 0, max: 2 }),
  asset: fc.constantFrom("USD", "CREDIT"),
  reason: fc.constantFrom(...REASONS),
  amount: amountArb,
  replayOf: fc.option(fc.nat(), { nil: undefined }),
});

describe.each(testDatabases())("adjustment sequences on $name (property)", (target) => {
  let database: Database;
  beforeAll(async () => {
    database = await target.open();
  });
  afterAll(() => database.close());

  it(`balances fold their entries, sum to zero per asset, and replays change nothing (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const db = database.db;
        const { scope } = await createTestPlatform(db);
        await createAsset(db, scope, { code: "CREDIT", name: "Credits", precision: 0, rates: [] });
        const customers = await Promise.all([0, 1, 2].map((i) => createCustomer(db, scope, { name: `c${i}` })));
        const expected = new Map<string, Decimal>();
        const sent: { customerId: string; body: Parameters<typeof createAdjustment>[3] }[] = [];
        let posted = 0;
        for (const [i, op] of ops.entries()) {
          const signed = op.reason === "external_refund" || (op.reason === "adjustment" && i % 2 === 1) ? op.amount.negated() : op.amount;
          const replay = op.replayOf !== undefined && sent.length > 0 ? sent[op.replayOf % sent.length]! : null;
          const customerId = replay?.customerId ?? customers[op.customer]!.id;
          const body = replay?.body ?? {
            transaction_id: `tx-${i}`,
            asset: op.asset,
            amount: signed,
            reason: op.reason,
          };
          const result = await createAdjustment(db, scope, customerId, body);
          if (replay) {
            expect(result.replayed).toBe(true);
            continue;
          }
          sent.push({ customerId, body });
          posted++;
          const key = `${customerId}:${body.asset}`;
          expected.set(key, (expected.get(key) ?? dec("0")).plus(body.amount));
        }
        for (const c of customers) {
          for (const account of await listWalletAccounts(db, { ...scope, customerId: c.id })) {
            expect(account.available.toString()).toBe((expected.get(`${c.id}:${account.asset}`) ?? dec("0")).toString());
          }
        }
        const [transfers] = await db.select({ n: count() }).from(ledgerTransfers).where(eq(ledgerTransfers.platformId, scope.platformId));
        const [entries] = await db.select({ n: count() }).from(ledgerEntries).where(eq(ledgerEntries.platformId, scope.platformId));
        expect(transfers!.n).toBe(posted);
        expect(entries!.n).toBe(posted * 2);
        expect(await findLedgerViolations(db, scope.platformId)).toEqual([]);
      }),
      { numRuns: RUNS, verbose: 1 },
    );
  });

  it("refuses a replay with a different body and writes nothing", async () => {
    const db = database.db;
    const { scope } = await createTestPlatform(db);
    const customer = await createCustomer(db, scope, { name: "x" });
    const body = { transaction_id: "same", asset: "USD", amount: dec("5"), reason: "gift" as const };
    await createAdjustment(db, scope, customer.id, body);
    await expect(createAdjustment(db, scope, customer.id, { ...body, amount: dec("6") })).rejects.toBeInstanceOf(IdempotencyMismatchError);
    const [transfers] = await db.select({ n: count() }).from(ledgerTransfers).where(eq(ledgerTransfers.platformId, scope.platformId));
    expect(transfers!.n).toBe(1);
  });
});
