import type { DbOrTx } from "@/lib/kernel/db";
import type { VersionSummary } from "./create-product";
import type { ProductRow, ProductSummaryRow } from "./product-store";
import { listVersions, type ProductVersion } from "./version-row";

export function serializeVersionSummary(s: VersionSummary) {
  return { id: s.id, code: s.code, version: s.version, status: s.status, is_default: s.isDefault };
}

export function serializeVersion(v: ProductVersion, defaultVersion: number | null) {
  return {
    version: v.version,
    status: v.status,
    is_default: v.version === defaultVersion,
    name: v.name,
    description: v.description,
    prices: v.prices,
    entitlements: v.entitlements,
    created_at: v.createdAt.toISOString(),
    published_at: v.publishedAt?.toISOString() ?? null,
  };
}

function productStatus(product: ProductRow): "published" | "draft" {
  return product.defaultVersion === null ? "draft" : "published";
}

export function serializeProductSummary({ product, name, description }: ProductSummaryRow) {
  return {
    id: product.id,
    code: product.code,
    name,
    description,
    status: productStatus(product),
    default_version: product.defaultVersion,
    latest_version: product.latestVersion,
    created_at: product.createdAt.toISOString(),
  };
}

/** A product with every version, newest first; name and description come from the default (else latest) version. */
export async function productDetail(db: DbOrTx, product: ProductRow) {
  const versions = await listVersions(db, product.id);
  const current = versions.find((v) => v.version === product.defaultVersion) ?? versions[0]!;
  return {
    ...serializeProductSummary({ product, name: current.name, description: current.description, published: product.defaultVersion !== null }),
    versions: versions.map((v) => serializeVersion(v, product.defaultVersion)),
  };
}
