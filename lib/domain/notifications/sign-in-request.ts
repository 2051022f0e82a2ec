import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { customers } from "@/lib/kernel/db/schema";
import { withTransaction } from "@/lib/kernel/db/transaction";
import { randomToken } from "@/lib/kernel/ids";
import { findPlatform } from "@/lib/domain/platforms/get-platform";
import { readEmailSettings } from "@/lib/domain/platforms/email-settings";
import { signInPlatformSignature } from "@/lib/domain/portal-sessions/sign-in-platform";
import { queueEmail } from "./queue";

/** One address may belong to a customer in test and in live mode; it never reaches more accounts than this. */
const MAX_ACCOUNTS = 3;

/** Whether the platform lets signed-out customers ask for a sign-in link by email. */
export async function signInByEmailAllowed(db: Db, platformId: string): Promise<boolean> {
  const platform = await findPlatform(db, platformId);
  return platform !== null && readEmailSettings(platform.settings).signInByEmail;
}

/**
 * Queues a sign-in email to every customer of the platform with this address (their email, or their
 * billing details' email). The caller answers the same whatever happens here, so nobody learns
 * whether the address is known; each message's link is minted when it is sent, single-use, for 10 minutes.
 * @returns how many messages were queued (for tests and logs, never for the answer)
 */
export async function requestSignInEmail(db: Db, platformId: string, email: string): Promise<number> {
  if (!(await signInByEmailAllowed(db, platformId))) return 0;
  const address = email.trim().toLowerCase();
  const matches = await db
    .select({ id: customers.id, liveMode: customers.liveMode })
    .from(customers)
    .where(and(eq(customers.platformId, platformId), or(sql`lower(${customers.email}) = ${address}`, sql`lower(${customers.billingDetails}->>'email') = ${address}`)))
    .orderBy(customers.liveMode, customers.createdAt)
    .limit(MAX_ACCOUNTS);
  let queued = 0;
  for (const m of matches) {
    const id = await withTransaction(db, (tx) =>
      queueEmail(tx, { platformId, liveMode: m.liveMode, customerId: m.id }, { kind: "sign_in", key: `sign-in:${randomToken(18)}`, data: {}, toAddress: address }),
    );
    if (id) queued++;
  }
  return queued;
}

/** What a signed-out page needs for the sign-in-by-email form of a platform, or null when the platform does not allow it. */
export async function emailSignInForm(db: Db, platformId: string | null): Promise<{ platformId: string; psig: string } | null> {
  if (!platformId || !(await signInByEmailAllowed(db, platformId))) return null;
  return { platformId, psig: await signInPlatformSignature(db, platformId) };
}
