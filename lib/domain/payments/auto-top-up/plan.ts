import { and, eq } from "drizzle-orm";
import { findAsset } from "@/lib/domain/assets/find-asset";
import { now } from "@/lib/kernel/clock";
import type { Tx } from "@/lib/kernel/db";
import { autoTopUpAttempts, ledgerAccounts, topUps } from "@/lib/kernel/db/schema";
import { newId } from "@/lib/kernel/ids";
import { dec, type Decimal } from "@/lib/kernel/money";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { PaymentsUnavailableError } from "@/lib/domain/payments/errors";
import { notifyAutoTopUpFailed } from "@/lib/domain/payments/notify";
import { providerKindFor } from "@/lib/domain/payments/select-provider";
import type { ProviderKind } from "@/lib/domain/payments/provider/types";
import { MAX_TOP_UP_UNITS, topUpRate, unitsForAmount, type TopUpRate } from "@/lib/domain/payments/top-ups/pricing";
import { scheduleResume, STALE_PENDING_MS } from "@/lib/domain/payments/job-kinds";
import { capProblem, inFlightAttempt, latestAttempt } from "./caps";
import { lockConfig, type AccountRef, type AutoTopUpRow } from "@/lib/domain/payments/attempts/store";

export type Plan =
  | { kind: "none"; reason: string }
  | { kind: "skipped"; reason: string }
  | { kind: "attempt"; attemptId: string }
  | { kind: "resume"; attemptId: string };

async function balanceOf(tx: Tx, scope: CustomerScope, account: AccountRef): Promise<Decimal | null> {
  const [row] = await tx
    .select({ balance: ledgerAccounts.balance })
    .from(ledgerAccounts)
    .where(and(inScope(ledgerAccounts, scope), eq(ledgerAccounts.owner, scope.customerId), eq(ledgerAccounts.name, account.name), eq(ledgerAccounts.assetCode, account.asset), eq(ledgerAccounts.shard, 0)));
  return row ? dec(row.balance) : null;
}

async function skip(tx: Tx, scope: CustomerScope, account: AccountRef, config: AutoTopUpRow, reason: string): Promise<Plan> {
  const last = await latestAttempt(tx, scope, account);
  if (last?.status === "skipped" && last.reason === reason) return { kind: "none", reason };
  const at = now();
  const [row] = await tx
    .insert(autoTopUpAttempts)
    .values({
      id: newId("attempt", at.getTime()), ...scope, accountName: account.name, assetCode: account.asset,
      status: "skipped", amount: config.amount, currency: config.currency, reason, createdAt: at, updatedAt: at,
    })
    .returning();
  await notifyAutoTopUpFailed(tx, row!, true);
  return { kind: "skipped", reason };
}

async function insertAttempt(tx: Tx, scope: CustomerScope, account: AccountRef, config: AutoTopUpRow, provider: ProviderKind, rate: TopUpRate | null, units: Decimal): Promise<string> {
  const at = now();
  const attemptId = newId("attempt", at.getTime());
  const topUpId = newId("topUp", at.getTime());
  await tx.insert(autoTopUpAttempts).values({
    id: attemptId, ...scope, accountName: account.name, assetCode: account.asset, status: "pending", amount: config.amount,
    currency: config.currency, units: units.toString(), paymentMethodId: config.paymentMethodId, topUpId,
    reason: "Charging your card.", createdAt: at, updatedAt: at,
  });
  await tx.insert(topUps).values({
    id: topUpId, ...scope, origin: "auto", provider, status: "initiated", amount: config.amount, currency: config.currency,
    accountName: account.name, assetCode: account.asset, units: units.toString(), rate: rate?.rate?.toString() ?? null,
    inverseRate: rate?.inverseRate?.toString() ?? null, rateSource: rate?.source ?? null, description: "Automatic top-up",
    attemptId, createdAt: at, updatedAt: at,
  });
  await scheduleResume(tx, scope.customerId, attemptId);
  return attemptId;
}

/** What the charge buys, or why it cannot be made. */
async function price(tx: Tx, scope: CustomerScope, account: AccountRef, config: AutoTopUpRow) {
  const asset = await findAsset(tx, scope, account.asset);
  const noRate = `${account.asset} has no exchange rate from ${config.currency} right now.`;
  if (!asset) return noRate;
  const rate = asset.kind === "fiat" ? null : topUpRate(asset, config.currency, now());
  if (asset.kind !== "fiat" && !rate) return noRate;
  const units = unitsForAmount(dec(config.amount), rate, asset.precision, config.currency);
  if (units.gte(MAX_TOP_UP_UNITS)) return `${units.toFixed()} ${account.asset} is more than one top-up may buy.`;
  return units.gt(0) ? { rate, units } : noRate;
}

/**
 * Decides, under the settings' row lock, whether the account is charged now, and if so writes the
 * attempt (and its top-up) before any provider is called. Runs in the caller's transaction.
 * `manual` is the customer pressing "Try again now": it alone may skip the back-off.
 */
export async function planAttempt(tx: Tx, scope: CustomerScope, account: AccountRef, options: { manual?: boolean } = {}): Promise<Plan> {
  const config = await lockConfig(tx, scope, account);
  if (!config?.enabled || !config.paymentMethodId) return { kind: "none", reason: "Auto top-up is off." };
  if (config.actionRequiredAttemptId) return { kind: "none", reason: "Waiting for the customer to confirm their card." };
  const balance = await balanceOf(tx, scope, account);
  if (balance === null || !balance.lt(dec(config.threshold))) return { kind: "none", reason: "The balance is not below the threshold." };
  const open = await inFlightAttempt(tx, scope, account);
  if (open) {
    const stale = open.status === "pending" && now().getTime() - open.updatedAt.getTime() > STALE_PENDING_MS;
    return stale ? { kind: "resume", attemptId: open.id } : { kind: "none", reason: "An attempt is already in progress." };
  }
  if (!options.manual && config.retryAfter && config.retryAfter > now()) return { kind: "none", reason: "Waiting before retrying a declined card." };
  const settings = await getPlatformSettings(tx, scope);
  const capped = await capProblem(tx, scope, account, config, settings.autoTopUp.maxChargesPerDay);
  if (capped) return skip(tx, scope, account, config, capped);
  let provider: ProviderKind;
  try {
    provider = providerKindFor(scope);
  } catch (error) {
    if (error instanceof PaymentsUnavailableError) return skip(tx, scope, account, config, error.message);
    throw error;
  }
  const priced = await price(tx, scope, account, config);
  if (typeof priced === "string") return skip(tx, scope, account, config, priced);
  return { kind: "attempt", attemptId: await insertAttempt(tx, scope, account, config, provider, priced.rate, priced.units) };
}
