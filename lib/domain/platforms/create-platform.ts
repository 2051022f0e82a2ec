import type { Db } from "@/lib/kernel/db";
import { platforms } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { newId } from "@/lib/kernel/ids";
import type { BrandingInput } from "@/lib/domain/platforms/branding-schema";
import { issueApiKey } from "./api-keys";

export interface CreatedPlatform {
  id: string;
  name: string;
  testKey: string;
  liveKey: string;
}

/** Creates a platform with one test and one live API key. The keys are returned once and stored hashed. */
export async function createPlatform(
  db: Db,
  input: { name: string; branding?: BrandingInput; settings?: Record<string, unknown> },
): Promise<CreatedPlatform> {
  return withTransaction(db, async (tx) => {
    const id = newId("platform");
    await tx.insert(platforms).values({
      id,
      name: input.name,
      branding: input.branding ?? {},
      settings: input.settings ?? {},
    });
    const testKey = await issueApiKey(tx, id, false);
    const liveKey = await issueApiKey(tx, id, true);
    return { id, name: input.name, testKey, liveKey };
  });
}
