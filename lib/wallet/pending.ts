import type { DbOrTx } from "@/lib/db";
import { dec, type Decimal } from "@/lib/money";
import type { CustomerScope } from "@/lib/scope";

/** Units on their way into an account from initiated, unexpired top-ups. Top-ups arrive with payments. */
export async function pendingTopUps(_db: DbOrTx, _scope: CustomerScope, _name: string, _asset: string): Promise<Decimal> {
  return dec("0");
}
