import { z } from "zod";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/lib/kernel/db";
import { products, productVersions } from "@/lib/kernel/db/schema";
import { col, parseRows } from "@/lib/kernel/db/rows";
import { isUniqueViolation, withTransaction } from "@/lib/kernel/db/transaction";
import { NotFoundError, ValidationError } from "@/lib/kernel/errors";
import { findAssets } from "@/lib/domain/assets/find-asset";
import { isId, newId } from "@/lib/kernel/ids";
import { stringifyJson } from "@/lib/kernel/json";
import type { PlatformScope } from "@/lib/kernel/scope";
import { entitlementDefs, priceDefs, type EntitlementDef, type PriceDef } from "./definition";
import type { CreateProductInput, CreateVersionInput } from "./product-schema";

export interface VersionSummary {
  id: string;
  code: string;
  version: number;
  status: "draft" | "published" | "archived";
  isDefault: boolean;
}

interface Definition {
  name: string;
  description: string | null;
  prices: PriceDef[];
  entitlements: EntitlementDef[];
}

/** Custom assets must exist before a product prices in them. @throws ValidationError */
async function definitionFrom(db: Db, scope: PlatformScope, input: CreateVersionInput | CreateProductInput): Promise<Definition> {
  const prices = priceDefs(input.prices);
  const entitlements = entitlementDefs(input.entitlements);
  const known = await findAssets(db, scope, [...prices.flatMap((p) => p.pricing.map((a) => a.asset)), ...entitlements.map((e) => e.asset)]);
  const errors: Record<string, string[]> = {};
  prices.forEach((p, i) =>
    p.pricing.forEach((a, j) => {
      if (!known.has(a.asset)) errors[`prices[${i}].pricing[${j}].asset`] = [`Unknown asset '${a.asset}'.`];
    }),
  );
  entitlements.forEach((e, i) => {
    if (!known.has(e.asset)) errors[`entitlements[${i}].asset`] = [`Unknown asset '${e.asset}'.`];
  });
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return { name: input.name, description: input.description ?? null, prices, entitlements };
}

async function insertVersion(tx: Tx, scope: PlatformScope, productId: string, version: number, def: Definition, publish: boolean) {
  await tx.insert(productVersions).values({
    productId,
    version,
    ...scope,
    name: def.name,
    description: def.description,
    status: publish ? "published" : "draft",
    prices: sql`${stringifyJson(def.prices)}::jsonb`,
    entitlements: sql`${stringifyJson(def.entitlements)}::jsonb`,
    publishedAt: publish ? sql`now()` : null,
  });
}

/**
 * Creates a product with its first version; a published first version is the default.
 * @throws ValidationError (duplicate code, unknown asset)
 */
export async function createProduct(db: Db, scope: PlatformScope, input: CreateProductInput): Promise<VersionSummary> {
  const def = await definitionFrom(db, scope, input);
  const publish = input.publish === true;
  const duplicate = () => ValidationError.field("code", `A product with code '${input.code}' already exists.`);
  try {
    return await withTransaction(db, async (tx) => {
      const id = newId("product");
      const [row] = await tx
        .insert(products)
        .values({ id, ...scope, code: input.code, defaultVersion: publish ? 1 : null, latestVersion: 1 })
        .onConflictDoNothing()
        .returning({ id: products.id });
      if (!row) throw duplicate();
      await insertVersion(tx, scope, id, 1, def, publish);
      return { id, code: input.code, version: 1, status: publish ? "published" : "draft", isDefault: publish };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/**
 * Adds the next version of a product from a full definition. Existing versions, and the customers
 * subscribed to them, are untouched. A published version becomes the default when asked to
 * (`make_default`) or when the product has no default yet.
 * @throws NotFoundError, ValidationError
 */
export async function createProductVersion(db: Db, scope: PlatformScope, productId: string, input: CreateVersionInput): Promise<VersionSummary> {
  if (!isId("product", productId)) throw new NotFoundError("Product");
  const publish = input.publish === true;
  if (input.make_default && !publish) throw ValidationError.field("make_default", "Only a published version can be the default: send publish: true.");
  const def = await definitionFrom(db, scope, input);
  return withTransaction(db, async (tx) => {
    const [row] = parseRows(z.object({ code: col.text(), latest_version: col.int(), default_version: col.int().nullable() }), await tx.execute(sql`
        UPDATE products SET latest_version = latest_version + 1,
          default_version = CASE WHEN ${publish} AND (${input.make_default === true} OR default_version IS NULL)
            THEN latest_version + 1 ELSE default_version END
        WHERE id = ${productId} AND platform_id = ${scope.platformId} AND live_mode = ${scope.liveMode}
        RETURNING code, latest_version, default_version`)
    );
    if (!row) throw new NotFoundError("Product");
    if (input.code !== undefined && input.code !== row.code) throw ValidationError.field("code", "A product's code never changes.");
    const version = Number(row.latest_version);
    await insertVersion(tx, scope, productId, version, def, publish);
    const isDefault = row.default_version !== null && Number(row.default_version) === version;
    return { id: productId, code: row.code, version, status: publish ? "published" : "draft", isDefault };
  });
}
