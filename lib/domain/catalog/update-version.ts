import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { products, productVersions } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { isId } from "@/lib/kernel/ids";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";
import type { VersionSummary } from "./create-product";
import type { UpdateVersionInput } from "./product-schema";
import { resolveVersionParam } from "./product-store";

/**
 * Publishes a draft version and/or makes a published version the default. Publishing is one-way:
 * what a published version charges never changes. The first published version becomes the default.
 * @throws NotFoundError, ValidationError
 */
export async function updateProductVersion(
  db: Db,
  scope: PlatformScope,
  productId: string,
  versionParam: string,
  input: UpdateVersionInput,
): Promise<VersionSummary> {
  if (!isId("product", productId)) throw new NotFoundError("Product");
  return withTransaction(db, async (tx) => {
    const [product] = await tx.select().from(products).where(and(inScope(products, scope), eq(products.id, productId))).for("update");
    if (!product) throw new NotFoundError("Product");
    const version = resolveVersionParam(product, versionParam);
    const where = and(eq(productVersions.productId, productId), eq(productVersions.version, version));
    const [row] = await tx.select({ status: productVersions.status }).from(productVersions).where(where);
    if (!row) throw new NotFoundError("Product version");
    let status = row.status as VersionSummary["status"];
    if (input.publish === false && status !== "draft") throw ValidationError.field("publish", "A published version cannot be unpublished.");
    if (input.publish === true && status === "draft") {
      await tx.update(productVersions).set({ status: "published", publishedAt: sql`now()` }).where(where);
      status = "published";
    }
    let defaultVersion = product.defaultVersion;
    if (input.make_default === true) {
      if (status !== "published") throw ValidationError.field("make_default", "Only a published version can be the default.");
      defaultVersion = version;
    } else if (input.make_default === false && defaultVersion === version) {
      throw ValidationError.field("make_default", "Make another version the default instead.");
    } else if (defaultVersion === null && status === "published") {
      defaultVersion = version;
    }
    if (defaultVersion !== product.defaultVersion) await tx.update(products).set({ defaultVersion }).where(eq(products.id, productId));
    return { id: productId, code: product.code, version, status, isDefault: defaultVersion === version };
  });
}
