import { and, count, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Tx } from "@/lib/kernel/db";
import { autoTopUpAttempts } from "@/lib/kernel/db/schema";
import { dec, type Decimal } from "@/lib/kernel/money";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { moneyText } from "@/lib/kernel/money/format";
import type { AccountRef, AutoTopUpRow } from "@/lib/domain/payments/attempts/store";

const DAY_MS = 24 * 60 * 60 * 1000;

function accountWhere(scope: CustomerScope, account: AccountRef) {
  return and(
    inScope(autoTopUpAttempts, scope),
    eq(autoTopUpAttempts.customerId, scope.customerId),
    eq(autoTopUpAttempts.accountName, account.name),
    eq(autoTopUpAttempts.assetCode, account.asset),
  );
}

/** Start of the calendar month (UTC) that `at` falls in: monthly caps reset then. */
export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** Automatic charges attempted for the account in the last 24 hours (skipped ones are not charges). */
async function chargesInLastDay(tx: Tx, scope: CustomerScope, account: AccountRef): Promise<number> {
  const since = new Date(now().getTime() - DAY_MS);
  const [row] = await tx
    .select({ n: count() })
    .from(autoTopUpAttempts)
    .where(and(accountWhere(scope, account), ne(autoTopUpAttempts.status, "skipped"), gte(autoTopUpAttempts.createdAt, since)));
  return row?.n ?? 0;
}

/** Money charged (or being charged) automatically this calendar month. */
async function chargedThisMonth(tx: Tx, scope: CustomerScope, account: AccountRef): Promise<Decimal> {
  const [row] = await tx
    .select({ total: sql<string | null>`sum(${autoTopUpAttempts.amount})::text` })
    .from(autoTopUpAttempts)
    .where(
      and(
        accountWhere(scope, account),
        inArray(autoTopUpAttempts.status, ["pending", "processing", "succeeded"]),
        gte(autoTopUpAttempts.createdAt, monthStart(now())),
      ),
    );
  return dec(row?.total ?? "0");
}

/** Why a cap stops this charge, in words for the activity log, or null when none does. */
export async function capProblem(tx: Tx, scope: CustomerScope, account: AccountRef, config: AutoTopUpRow, maxPerDay: number): Promise<string | null> {
  if ((await chargesInLastDay(tx, scope, account)) >= maxPerDay) {
    return `Daily limit reached: at most ${maxPerDay} automatic top-ups in 24 hours.`;
  }
  if (config.monthlyCap !== null) {
    const spent = await chargedThisMonth(tx, scope, account);
    const cap = dec(config.monthlyCap);
    if (spent.plus(dec(config.amount)).gt(cap)) {
      return `Monthly limit of ${moneyText(cap, config.currency)} reached (${moneyText(spent, config.currency)} charged this month).`;
    }
  }
  return null;
}

/** The account's latest attempt, to avoid logging the same skip again and again. */
export async function latestAttempt(tx: Tx, scope: CustomerScope, account: AccountRef) {
  const [row] = await tx.select().from(autoTopUpAttempts).where(accountWhere(scope, account)).orderBy(desc(autoTopUpAttempts.createdAt)).limit(1);
  return row ?? null;
}

export async function inFlightAttempt(tx: Tx, scope: CustomerScope, account: AccountRef) {
  const [row] = await tx
    .select()
    .from(autoTopUpAttempts)
    .where(and(accountWhere(scope, account), inArray(autoTopUpAttempts.status, ["pending", "processing"])))
    .limit(1);
  return row ?? null;
}
