import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/lib/db";
import { webhookDestinations } from "@/lib/db/schema";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { isId, newId, randomBase32 } from "@/lib/ids";
import { inScope, type PlatformScope } from "@/lib/scope";
import { redirectUrlProblem } from "@/lib/urls";
import { destinationAddressProblem } from "./destination-address";
import type { CreateWebhookInput } from "./schemas";

export type DestinationRow = typeof webhookDestinations.$inferSelect;

/**
 * Registers a destination and returns it with its signing secret.
 * @throws ValidationError for a URL that is not absolute http(s) (https in live mode), or whose host is
 * or resolves to an internal address.
 */
export async function createDestination(db: DbOrTx, scope: PlatformScope, input: CreateWebhookInput): Promise<DestinationRow> {
  const problem = redirectUrlProblem(input.url, []);
  if (problem) throw ValidationError.field("url", problem);
  if (scope.liveMode && !input.url.startsWith("https://")) throw ValidationError.field("url", "Live-mode webhooks must use https://.");
  const addressProblem = await destinationAddressProblem(new URL(input.url));
  if (addressProblem) throw ValidationError.field("url", addressProblem);
  const [row] = await db
    .insert(webhookDestinations)
    .values({
      id: newId("webhook"),
      ...scope,
      url: input.url,
      topics: input.topics ?? ["*"],
      connect: input.connect ?? false,
      secret: `whsec_${randomBase32(32)}`,
      description: input.description ?? null,
    })
    .returning();
  return row!;
}

/** @throws NotFoundError */
export async function getDestinationOrThrow(db: DbOrTx, scope: PlatformScope, id: string): Promise<DestinationRow> {
  if (!isId("webhook", id)) throw new NotFoundError("Webhook");
  const [row] = await db.select().from(webhookDestinations).where(and(inScope(webhookDestinations, scope), eq(webhookDestinations.id, id))).limit(1);
  if (!row) throw new NotFoundError("Webhook");
  return row;
}

export async function listDestinations(db: DbOrTx, scope: PlatformScope, paging: { limit: number; offset: number }) {
  const where = and(inScope(webhookDestinations, scope), isNull(webhookDestinations.disabledAt));
  const [rows, [total]] = await Promise.all([
    db.select().from(webhookDestinations).where(where).orderBy(desc(webhookDestinations.createdAt)).limit(paging.limit).offset(paging.offset),
    db.select({ n: count() }).from(webhookDestinations).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Stops deliveries to a destination; pending ones end as failed. @throws NotFoundError */
export async function disableDestination(db: DbOrTx, scope: PlatformScope, id: string, at: Date): Promise<void> {
  const row = await getDestinationOrThrow(db, scope, id);
  await db.update(webhookDestinations).set({ disabledAt: at }).where(eq(webhookDestinations.id, row.id));
}

export function serializeDestination(row: DestinationRow, withSecret: boolean) {
  return {
    id: row.id,
    url: row.url,
    topics: row.topics,
    description: row.description,
    connect: row.connect,
    ...(withSecret ? { secret: row.secret } : {}),
    created_at: row.createdAt.toISOString(),
    disabled_at: row.disabledAt?.toISOString() ?? null,
  };
}
