import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { productVersions } from "@/lib/kernel/db/schema";
import type { EntitlementDef, PriceDef } from "./definition";
import { decodeEntitlements, decodePrices } from "./definition-codec";

export interface ProductVersion {
  productId: string;
  version: number;
  name: string;
  description: string | null;
  status: "draft" | "published" | "archived";
  prices: PriceDef[];
  entitlements: EntitlementDef[];
  createdAt: Date;
  publishedAt: Date | null;
}

// jsonb is read as text so its exact numbers never pass through JSON.parse.
const columns = {
  productId: productVersions.productId,
  version: productVersions.version,
  name: productVersions.name,
  description: productVersions.description,
  status: productVersions.status,
  prices: sql<string>`${productVersions.prices}::text`,
  entitlements: sql<string>`${productVersions.entitlements}::text`,
  createdAt: productVersions.createdAt,
  publishedAt: productVersions.publishedAt,
};

type Row = { [K in keyof typeof columns]: unknown };

function toVersion(row: Row): ProductVersion {
  return {
    productId: row.productId as string,
    version: Number(row.version),
    name: row.name as string,
    description: row.description as string | null,
    status: row.status as ProductVersion["status"],
    prices: decodePrices(row.prices as string),
    entitlements: decodeEntitlements(row.entitlements as string),
    createdAt: row.createdAt as Date,
    publishedAt: row.publishedAt as Date | null,
  };
}

/** Every version of a product, newest first. The caller has already checked the product's scope. */
export async function listVersions(db: DbOrTx, productId: string): Promise<ProductVersion[]> {
  const rows = await db.select(columns).from(productVersions).where(eq(productVersions.productId, productId)).orderBy(sql`${productVersions.version} DESC`);
  return rows.map(toVersion);
}

export async function findVersion(db: DbOrTx, productId: string, version: number): Promise<ProductVersion | null> {
  const [row] = await db
    .select(columns)
    .from(productVersions)
    .where(and(eq(productVersions.productId, productId), eq(productVersions.version, version)))
    .limit(1);
  return row ? toVersion(row) : null;
}
