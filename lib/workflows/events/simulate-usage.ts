import type { DbOrTx } from "@/lib/kernel/db";
import { NotFoundError } from "@/lib/kernel/errors";
import type { UsageEventInput } from "@/lib/workflows/events/schemas";
import { feeViewOf, serializeFee } from "@/lib/workflows/events/serialize-fee";
import { dec, type Decimal } from "@/lib/kernel/money";
import { rateEvent } from "@/lib/domain/pricing";
import type { PlatformScope } from "@/lib/kernel/scope";
import { compileProduct } from "@/lib/domain/catalog/compile";
import { getProductOrThrow, resolveVersionParam } from "@/lib/domain/catalog/product-store";
import { findVersion } from "@/lib/domain/catalog/version-row";

/**
 * The fees each event would incur on one product version (draft versions included, so a price can
 * be checked before publishing). The same pure rating as real events, so the two agree to the last
 * digit. Writes nothing.
 * @throws NotFoundError (product or version)
 */
export async function simulateUsage(db: DbOrTx, scope: PlatformScope, productId: string, versionParam: string, events: UsageEventInput[]) {
  const product = await getProductOrThrow(db, scope, productId);
  const version = await findVersion(db, product.id, resolveVersionParam(product, versionParam));
  if (!version) throw new NotFoundError("Product version");
  const rated = compileProduct({ id: product.id, code: product.code, name: version.name, version: version.version }, version.prices);
  const totals = new Map<string, Decimal>();
  const items = events.map((e) => {
    const rating = rateEvent([rated], { eventType: e.event_type, data: e.data ?? {} });
    if (rating.status !== "billed") {
      const code = rating.status === "rating_error" ? "rating_error" : rating.code;
      return { id: e.id, event_type: e.event_type, status: "unbilled" as const, reason_code: code, reason: rating.reason, fees: [] };
    }
    for (const f of rating.fees) totals.set(f.asset, (totals.get(f.asset) ?? dec("0")).plus(f.amount));
    return { id: e.id, event_type: e.event_type, status: rating.status, reason_code: null, reason: null, fees: rating.fees.map((f) => serializeFee(feeViewOf(f))) };
  });
  return {
    product: { id: product.id, code: product.code, name: version.name, version: version.version, status: version.status },
    items,
    totals: [...totals].map(([asset, amount]) => ({ asset, amount })),
  };
}
