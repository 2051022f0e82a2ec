/** The ledger found itself in a state it must never be in. Not a client error: it surfaces as a 500 and rolls back. */
export class LedgerInvariantError extends Error {
  constructor(message: string) {
    super(`Ledger invariant violated: ${message}`);
    this.name = "LedgerInvariantError";
  }
}
