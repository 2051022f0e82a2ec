import { and, count, desc, eq, type SQL } from "drizzle-orm";
import type { Db, DbOrTx } from "@/lib/kernel/db";
import { platforms } from "@/lib/kernel/db/schema";
import { insertUnique } from "@/lib/kernel/db/transaction";
import { AppError, NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { isId, newId } from "@/lib/kernel/ids";
import type { PlatformScope } from "@/lib/kernel/scope";
import type { CreateAccountInput } from "./schemas";

export type AccountRow = typeof platforms.$inferSelect;

export function serializeAccount(row: AccountRow) {
  return {
    id: row.id,
    name: row.name,
    external_id: row.externalId,
    metadata: row.metadata ?? {},
    live_mode: row.liveMode ?? false,
    created_at: row.createdAt.toISOString(),
  };
}

/** The connected accounts of the platform in scope, in its mode. */
function connectedTo(scope: PlatformScope): SQL {
  return and(eq(platforms.parentPlatformId, scope.platformId), eq(platforms.liveMode, scope.liveMode))!;
}

/**
 * Creates a connected account of the platform in scope, in the mode of its key.
 * @throws ValidationError for a duplicate external_id; AppError (forbidden) when the scope is itself a connected account.
 */
export async function createAccount(db: Db, scope: PlatformScope, input: CreateAccountInput): Promise<AccountRow> {
  const [self] = await db.select({ parent: platforms.parentPlatformId }).from(platforms).where(eq(platforms.id, scope.platformId)).limit(1);
  if (!self) throw new NotFoundError("Account");
  if (self.parent) throw new AppError("forbidden", "A connected account cannot have connected accounts of its own.");
  const duplicate = () => ValidationError.field("external_id", "A connected account with this external_id already exists.");
  return insertUnique(
    () =>
      db
        .insert(platforms)
        .values({
          id: newId("platform"),
          name: input.name,
          parentPlatformId: scope.platformId,
          liveMode: scope.liveMode,
          externalId: input.external_id ?? null,
          metadata: input.metadata ?? {},
        })
        .onConflictDoNothing()
        .returning(),
    duplicate,
  );
}

/** A connected account of the platform in scope, in its mode. @throws NotFoundError */
export async function getAccountOrThrow(db: DbOrTx, scope: PlatformScope, accountId: string): Promise<AccountRow> {
  const [row] = isId("platform", accountId)
    ? await db.select().from(platforms).where(and(connectedTo(scope), eq(platforms.id, accountId))).limit(1)
    : [];
  if (!row) throw new NotFoundError("Account");
  return row;
}

/** Newest first; `externalId` narrows the page to the account with that external_id (an empty page when none). */
export async function listAccounts(db: DbOrTx, scope: PlatformScope, query: { limit: number; offset: number; externalId?: string }) {
  const where = query.externalId === undefined ? connectedTo(scope) : and(connectedTo(scope), eq(platforms.externalId, query.externalId));
  const [rows, [total]] = await Promise.all([
    db.select().from(platforms).where(where).orderBy(desc(platforms.createdAt), desc(platforms.id)).limit(query.limit).offset(query.offset),
    db.select({ n: count() }).from(platforms).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}
