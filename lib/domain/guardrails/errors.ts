import { AppError } from "@/lib/kernel/errors";

/** A hold the available balance (balance less active holds) cannot cover, on an asset the platform allows no overdraft for. */
export class InsufficientFundsError extends AppError {
  constructor(asset: string) {
    super("insufficient_funds", `The available ${asset} balance does not cover this hold, and the platform allows no overdraft for ${asset}.`);
  }
}

/** What would take the period's spend (debited plus active holds) over a budget with a hard stop. */
export class BudgetExceededError extends AppError {
  constructor() {
    super("budget_exceeded", "This would take the wallet account's spend this period over its budget, which has a hard stop. Nothing was charged or reserved.");
  }
}
