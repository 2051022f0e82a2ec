import type { Db } from "@/lib/kernel/db";
import { createPlatform, type CreatedPlatform } from "@/lib/domain/platforms/create-platform";
import type { PlatformScope } from "@/lib/kernel/scope";

let counter = 0;

export interface TestPlatform extends CreatedPlatform {
  scope: PlatformScope;
}

/** A fresh platform per test keeps tests independent without truncating anything. */
export async function createTestPlatform(db: Db, name = `Test platform ${++counter}`): Promise<TestPlatform> {
  const platform = await createPlatform(db, { name });
  return { ...platform, scope: { platformId: platform.id, liveMode: false } };
}
