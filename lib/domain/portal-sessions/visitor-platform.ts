import { cookies } from "next/headers";
import { cache } from "react";
import type { Branding } from "@/lib/domain/platforms/branding-schema";
import { getDb } from "@/lib/kernel/db";
import { findPlatform, toPlatform } from "@/lib/domain/platforms/get-platform";
import { readSettings } from "@/lib/domain/platforms/settings";
import type { SupportedLocale } from "@/lib/kernel/i18n/locales";
import { sessionCookieName } from "./cookie";
import { LAST_PLATFORM_COOKIE, verifiedLastPlatform } from "./last-platform";
import { readSession } from "./sessions";

/**
 * Whose brand a page without a portal context shows (not found, signed out): the signed-in
 * customer's platform, else the platform this browser last opened billing for, else none.
 */
export const visitorPlatform = cache(
  async (): Promise<{ branding: Branding | null; signedIn: boolean; platformId: string | null; defaultLocale: SupportedLocale | null }> => {
    const db = await getDb();
    const store = await cookies();
    const session = await readSession(db, store.get(sessionCookieName())?.value);
    if (session.kind === "active") {
      const platform = toPlatform(session.platform);
      return { branding: platform.branding, signedIn: true, platformId: session.platform.id, defaultLocale: readSettings(platform.settings).defaultLocale };
    }
    const platformId = await verifiedLastPlatform(db, store.get(LAST_PLATFORM_COOKIE)?.value);
    const platform = platformId ? await findPlatform(db, platformId) : null;
    return {
      branding: platform?.branding ?? null,
      signedIn: false,
      platformId: platform?.id ?? null,
      defaultLocale: platform ? readSettings(platform.settings).defaultLocale : null,
    };
  },
);
