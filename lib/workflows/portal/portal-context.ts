import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb, type Db } from "@/lib/kernel/db";
import { getReadDb } from "@/lib/kernel/db/replica";
import type { CustomerRow } from "@/lib/domain/customers/customer-store";
import { toPlatform, type Platform } from "@/lib/domain/platforms/get-platform";
import type { CustomerScope } from "@/lib/kernel/scope";
import { sessionCookieName } from "@/lib/domain/portal-sessions/cookie";
import { TIMEZONE_COOKIE, validTimeZone } from "./locale";
import { READ_PRIMARY_COOKIE } from "@/lib/domain/portal-sessions/read-primary";
import { requestLocale } from "./request-locale";
import { readSession } from "@/lib/domain/portal-sessions/sessions";

export interface PortalContext {
  db: Db;
  /** For read models: the read replica when there is one (and the customer changed nothing lately), else `db`. */
  readDb: Db;
  scope: CustomerScope;
  platform: Platform;
  customer: CustomerRow;
  returnUrl: string;
  failureUrl: string;
  /** How numbers and dates are written for this reader (see request-locale.ts). */
  locale: string;
  timeZone: string;
}

/**
 * The signed-in customer for this request, or a redirect: an expired session goes to the
 * platform's failure_url, a missing one to /signed-out. Cached per request, so the layout and the
 * page share one lookup.
 */
export const getPortalContext = cache(async (): Promise<PortalContext> => {
  const db = await getDb();
  const cookieStore = await cookies();
  const state = await readSession(db, cookieStore.get(sessionCookieName())?.value);
  if (state.kind === "expired") redirect(state.failureUrl);
  if (state.kind === "none") redirect("/signed-out");
  const platform = toPlatform(state.platform);
  const customer = state.customer;
  const { formatLocale: locale } = await requestLocale();
  const timeZone = validTimeZone(cookieStore.get(TIMEZONE_COOKIE)?.value) ?? "UTC";
  const readDb = await getReadDb(cookieStore.get(READ_PRIMARY_COOKIE)?.value === "1");
  return { db, readDb, scope: state.scope, platform, customer, returnUrl: state.returnUrl, failureUrl: state.failureUrl, locale, timeZone };
});
