import { and, eq, max } from "drizzle-orm";
import type { Db, DbOrTx } from "@/lib/kernel/db";
import { assetRates, assets } from "@/lib/kernel/db/schema";
import { isUniqueViolation, withTransaction } from "@/lib/kernel/db/transaction";
import { ValidationError } from "@/lib/kernel/errors";
import { now } from "@/lib/kernel/clock";
import { newId } from "@/lib/kernel/ids";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import { isFiat } from "@/lib/kernel/money/fiat";
import { getAssetOrThrow } from "./find-asset";
import type { CreateAssetInput, RateInput } from "./schemas";
import type { Asset } from "./types";

async function insertRates(tx: DbOrTx, scope: PlatformScope, code: string, rates: RateInput[]): Promise<void> {
  if (rates.length === 0) return;
  const [top] = await tx
    .select({ position: max(assetRates.position) })
    .from(assetRates)
    .where(and(inScope(assetRates, scope), eq(assetRates.assetCode, code)));
  let next = (top?.position ?? -1) + 1;
  const positions = new Map<string, number>();
  await tx.insert(assetRates).values(
    rates.map((r) => {
      // A source keeps one position so the default source (the first one) stays first.
      if (!positions.has(r.source)) positions.set(r.source, next++);
      return {
        id: newId("price"),
        ...scope,
        assetCode: code,
        source: r.source,
        rate: r.rate?.toString() ?? null,
        inverseRate: r.inverse_rate?.toString() ?? null,
        position: positions.get(r.source)!,
        effectiveAt: r.effective_at ?? now(),
      };
    }),
  );
}

function checkSources(rates: RateInput[], field: string): void {
  rates.forEach((r, i) => {
    if (!isFiat(r.source)) throw ValidationError.field(`${field}[${i}].source`, `'${r.source}' is not a fiat currency.`);
  });
}

/**
 * Creates a custom asset with its exchange rates.
 * @throws ValidationError when the code is a fiat code or already taken.
 */
export async function createAsset(db: Db, scope: PlatformScope, input: CreateAssetInput): Promise<Asset> {
  if (isFiat(input.code)) throw ValidationError.field("code", `'${input.code}' is a built-in fiat currency.`);
  checkSources(input.rates ?? [], "rates");
  try {
    await withTransaction(db, async (tx) => {
      await tx.insert(assets).values({
        ...scope,
        code: input.code,
        name: input.name,
        precision: input.precision,
        symbol: input.symbol ?? null,
        label: input.label ?? null,
        names: input.names ?? {},
      });
      await insertRates(tx, scope, input.code, input.rates ?? []);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw ValidationError.field("code", `An asset with code '${input.code}' already exists.`);
    throw error;
  }
  return getAssetOrThrow(db, scope, input.code);
}

/**
 * Adds a rate (possibly effective in the future) to a custom asset.
 * @throws NotFoundError, ValidationError
 */
export async function addAssetRate(db: Db, scope: PlatformScope, code: string, rate: RateInput): Promise<Asset> {
  const asset = await getAssetOrThrow(db, scope, code);
  if (asset.kind === "fiat") throw ValidationError.field("code", "Fiat currencies have no exchange rates.");
  checkSources([rate], "rates");
  await withTransaction(db, (tx) => insertRates(tx, scope, code, [rate]));
  return getAssetOrThrow(db, scope, code);
}
