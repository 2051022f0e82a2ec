import { and, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { products, productVersions } from "@/lib/kernel/db/schema";
import { NotFoundError } from "@/lib/kernel/errors";
import { isId } from "@/lib/kernel/ids";
import { inScope, type PlatformScope } from "@/lib/kernel/scope";

export type ProductRow = typeof products.$inferSelect;

async function findProduct(db: DbOrTx, scope: PlatformScope, productId: string): Promise<ProductRow | null> {
  if (!isId("product", productId)) return null;
  const [row] = await db.select().from(products).where(and(inScope(products, scope), eq(products.id, productId))).limit(1);
  return row ?? null;
}

/** @throws NotFoundError for unknown ids and ids of another platform or mode. */
export async function getProductOrThrow(db: DbOrTx, scope: PlatformScope, productId: string): Promise<ProductRow> {
  const row = await findProduct(db, scope, productId);
  if (!row) throw new NotFoundError("Product");
  return row;
}

/** @throws NotFoundError */
export async function getProductByCodeOrThrow(db: DbOrTx, scope: PlatformScope, code: string): Promise<ProductRow> {
  const [row] = await db.select().from(products).where(and(inScope(products, scope), eq(products.code, code))).limit(1);
  if (!row) throw new NotFoundError("Product");
  return row;
}

/**
 * The version a path segment names: an integer, or "default" for the default published version.
 * @throws NotFoundError when there is no such version.
 */
export function resolveVersionParam(product: ProductRow, param: string): number {
  if (param === "default") {
    if (product.defaultVersion === null) throw new NotFoundError("Product version");
    return product.defaultVersion;
  }
  const version = /^[1-9]\d{0,8}$/.test(param) ? Number(param) : 0;
  if (version < 1 || version > product.latestVersion) throw new NotFoundError("Product version");
  return version;
}

export interface ProductSummaryRow {
  product: ProductRow;
  name: string;
  description: string | null;
  published: boolean;
}

/** Products, newest first, each with the name of its default (else latest) version. */
export async function listProducts(db: DbOrTx, scope: PlatformScope, paging: { limit: number; offset: number }) {
  const [rows, [total]] = await Promise.all([
    db
      .select({
        product: products,
        name: productVersions.name,
        description: productVersions.description,
        published: sql<boolean>`${products.defaultVersion} IS NOT NULL`,
      })
      .from(products)
      .innerJoin(
        productVersions,
        and(eq(productVersions.productId, products.id), eq(productVersions.version, sql`coalesce(${products.defaultVersion}, ${products.latestVersion})`)),
      )
      .where(inScope(products, scope))
      .orderBy(sql`${products.createdAt} DESC`, sql`${products.id} DESC`)
      .limit(paging.limit)
      .offset(paging.offset),
    db.select({ n: count() }).from(products).where(inScope(products, scope)),
  ]);
  return { rows: rows as ProductSummaryRow[], total: total?.n ?? 0 };
}
