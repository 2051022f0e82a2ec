import { sql } from "drizzle-orm";
import { now } from "@/lib/kernel/clock";
import type { Db, DbOrTx } from "@/lib/kernel/db";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { ForbiddenError, NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { findAsset } from "@/lib/domain/assets/find-asset";
import { ZERO, type Decimal } from "@/lib/kernel/money";
import type { CustomerScope } from "@/lib/kernel/scope";
import { accountKey, keyString, lockAccounts } from "@/lib/domain/ledger/accounts";
import { getPlatformSettings } from "@/lib/domain/platforms/settings";
import type { GuardrailSettings } from "@/lib/domain/platforms/guardrails/settings";
import { formatAccountId } from "@/lib/domain/wallet/account-id";
import { findWalletAccount, ownAccountRef } from "@/lib/domain/wallet/get-wallet";
import { budgetsOf, heldOf, periodSpend, type Budget, type Lane } from "./guard-state";
import { markGuarded } from "./holds";
import { periodBounds, type BudgetPeriod } from "./periods";
import type { PutBudgetInput } from "./schemas";

/** A wallet account's budget as the API and portal show it: the settings, this period's spend and holds, and what may change. */
export interface BudgetView {
  accountId: string;
  asset: string;
  limit: Decimal | null;
  period: BudgetPeriod;
  thresholds: number[];
  hardStop: boolean;
  lane: Lane | null;
  periodStart: Date;
  periodEnd: Date;
  spent: Decimal;
  held: Decimal;
  /** Thresholds the period's spend has reached, ascending. */
  reached: number[];
  customerEditable: boolean;
  maxLimit: Decimal | null;
}

function view(accountId: string, budget: Budget | null, settings: GuardrailSettings, spend: { spent: Decimal; held: Decimal }, at: Date): BudgetView {
  const d = settings.budgets;
  const period = budget?.period ?? d.defaultPeriod;
  const bounds = periodBounds(period, at);
  const thresholds = budget?.thresholds ?? d.defaultThresholds;
  const reached = budget ? thresholds.filter((t) => spend.spent.gte(budget.limit.times(t).div(100))) : [];
  return {
    accountId,
    asset: accountId.split(":")[1]!,
    limit: budget?.limit ?? null,
    period,
    thresholds,
    hardStop: budget?.hardStop ?? d.defaultHardStop,
    lane: budget?.lane ?? null,
    periodStart: bounds.start,
    periodEnd: bounds.end,
    ...spend,
    reached,
    customerEditable: d.customerEditable,
    maxLimit: d.maxLimit,
  };
}

/**
 * The account's budget with this period's spend and active holds; with none set, the platform's
 * defaults and a null limit. @throws NotFoundError (customer, or a named account that does not exist)
 */
export async function getBudget(db: DbOrTx, scope: CustomerScope, accountId: string): Promise<BudgetView> {
  const ref = await budgetAccountRef(db, scope, accountId);
  const id = formatAccountId(ref.name, ref.asset);
  const [account, settings] = await Promise.all([findWalletAccount(db, scope, id), getPlatformSettings(db, scope)]);
  const at = now();
  if (!account) return view(id, null, settings.guardrails, { spent: ZERO, held: ZERO }, at);
  const budget = (await budgetsOf(db, scope, [account.ledgerId])).get(account.ledgerId) ?? null;
  const held = (await heldOf(db, [account.ledgerId], at)).get(account.ledgerId) ?? ZERO;
  const spent = budget ? (await periodSpend(db, budget, at, false)).spent : ZERO;
  return view(id, budget, settings.guardrails, { spent, held }, at);
}

/** The customer's account, of an asset the platform has. @throws NotFoundError */
async function budgetAccountRef(db: DbOrTx, scope: CustomerScope, accountId: string) {
  const ref = await ownAccountRef(db, scope, accountId);
  if (!(await findAsset(db, scope, ref.asset))) throw new NotFoundError("Account");
  return ref;
}

function checkCustomerEdit(settings: GuardrailSettings, input: PutBudgetInput): void {
  if (!settings.budgets.customerEditable) throw new ForbiddenError("This platform does not let customers change their budgets.");
  const max = settings.budgets.maxLimit;
  if (max && input.limit && input.limit.gt(max)) throw ValidationError.field("limit", `At most ${max.toFixed()}.`);
}

/**
 * Sets (or with `limit: null` removes) the account's budget under its row lock. A change of period or
 * lane starts the period's spend again from the ledger. `by: "customer"` (the portal) applies the
 * platform's bounds and may be refused outright.
 * @throws NotFoundError, ForbiddenError (customer edits off), ValidationError (over the bound)
 */
export async function putBudget(db: Db, scope: CustomerScope, accountId: string, input: PutBudgetInput, by: "platform" | "customer"): Promise<BudgetView> {
  const ref = await budgetAccountRef(db, scope, accountId);
  const settings = await getPlatformSettings(db, scope);
  if (by === "customer") checkCustomerEdit(settings.guardrails, input);
  const d = settings.guardrails.budgets;
  await withTransaction(db, async (tx) => {
    const key = accountKey({ kind: "wallet", customerId: scope.customerId, name: ref.name, asset: ref.asset });
    const account = (await lockAccounts(tx, scope, [key])).get(keyString(key))!;
    await markGuarded(tx, scope);
    const before = (await budgetsOf(tx, scope, [account.id])).get(account.id);
    const period = input.period ?? d.defaultPeriod;
    const lane = input.lane ?? null;
    if (!before || before.period !== period || before.lane?.dimension !== lane?.dimension || before.lane?.value !== lane?.value || input.limit === null) {
      await tx.execute(sql`DELETE FROM wallet_budget_periods WHERE account_id = ${account.id}`);
    }
    if (input.limit === null) {
      await tx.execute(sql`DELETE FROM wallet_budgets WHERE account_id = ${account.id}`);
      return;
    }
    const thresholds = [...(input.thresholds ?? d.defaultThresholds)].sort((a, b) => a - b);
    const at = now().toISOString();
    await tx.execute(sql`INSERT INTO wallet_budgets (account_id, platform_id, live_mode, customer_id, period, limit_amount, thresholds, hard_stop, lane_dimension, lane_value, updated_at)
      VALUES (${account.id}, ${scope.platformId}, ${scope.liveMode}, ${scope.customerId}, ${period}, ${input.limit.toString()}, ${sql.param(thresholds)}::integer[],
        ${input.hard_stop ?? d.defaultHardStop}, ${lane?.dimension ?? null}, ${lane?.value ?? null}, ${at}::timestamptz)
      ON CONFLICT (account_id) DO UPDATE SET period = EXCLUDED.period, limit_amount = EXCLUDED.limit_amount, thresholds = EXCLUDED.thresholds,
        hard_stop = EXCLUDED.hard_stop, lane_dimension = EXCLUDED.lane_dimension, lane_value = EXCLUDED.lane_value, updated_at = EXCLUDED.updated_at`);
  });
  return getBudget(db, scope, formatAccountId(ref.name, ref.asset));
}

/** The API shape of a budget view. */
export function serializeBudget(v: BudgetView) {
  return {
    account_id: v.accountId,
    asset: v.asset,
    limit: v.limit,
    period: v.period,
    thresholds: v.thresholds,
    hard_stop: v.hardStop,
    lane: v.lane,
    current_period: { start: v.periodStart.toISOString(), end: v.periodEnd.toISOString(), spent: v.spent, held: v.held, thresholds_reached: v.reached },
    customer_editable: v.customerEditable,
    max_limit: v.maxLimit,
  };
}
