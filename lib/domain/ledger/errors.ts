import { AppError } from "@/lib/kernel/errors";
import { MAX_BALANCE } from "@/lib/kernel/money";
import { SYSTEM_OWNER } from "./accounts";
import type { AccountState } from "./types";

/** The ledger found itself in a state it must never be in. Not a client error: it surfaces as a 500 and rolls back. */
export class LedgerInvariantError extends Error {
  constructor(message: string) {
    super(`Ledger invariant violated: ${message}`);
    this.name = "LedgerInvariantError";
  }
}

/**
 * A posting would take an account's balance beyond ±MAX_BALANCE. A client error (422), not a fault:
 * nothing is written, and every account stays where NUMERIC(38, 12) can hold it and any later posting.
 */
export class LedgerLimitError extends AppError {
  constructor(account: AccountState) {
    const which = account.owner === SYSTEM_OWNER ? `the platform's ${account.name} account` : `wallet account ${account.name}:${account.assetCode}`;
    const message = `This would take the balance of ${which} beyond ±${MAX_BALANCE.toFixed()} ${account.assetCode}, the most an account can hold.`;
    super("validation", message, { amount: [message] });
  }
}
