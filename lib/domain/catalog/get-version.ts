import type { DbOrTx } from "@/lib/kernel/db";
import { NotFoundError } from "@/lib/kernel/errors";
import type { PlatformScope } from "@/lib/kernel/scope";
import { getProductOrThrow, resolveVersionParam } from "./product-store";
import { serializeVersion } from "./serialize-product";
import { findVersion } from "./version-row";

/** One version of a product ("default" allowed) in the API's shape. @throws NotFoundError */
export async function getProductVersionOrThrow(db: DbOrTx, scope: PlatformScope, productId: string, versionParam: string) {
  const product = await getProductOrThrow(db, scope, productId);
  const version = await findVersion(db, product.id, resolveVersionParam(product, versionParam));
  if (!version) throw new NotFoundError("Product version");
  return { id: product.id, code: product.code, ...serializeVersion(version, product.defaultVersion) };
}
