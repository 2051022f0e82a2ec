import type { DbOrTx } from "@/lib/kernel/db";
import { NotFoundError } from "@/lib/kernel/errors";
import { findPlatform } from "@/lib/domain/platforms/get-platform";
import type { Branding } from "@/lib/domain/platforms/branding-schema";
import type { EmailKind } from "@/lib/domain/platforms/email-settings";
import { saveEmailPreferences } from "./preferences";
import { verifyUnsubscribeToken } from "./unsubscribe-token";

export interface UnsubscribeTarget {
  kind: EmailKind;
  branding: Branding | null;
}

/** What an unsubscribe token names, for the confirmation page; null when it does not verify. */
export async function unsubscribeTarget(db: DbOrTx, token: string): Promise<UnsubscribeTarget | null> {
  const verified = await verifyUnsubscribeToken(db, token);
  if (!verified) return null;
  return { kind: verified.kind, branding: (await findPlatform(db, verified.scope.platformId))?.branding ?? null };
}

/** Turns off the kind of email a token names (RFC 8058 one-click: no session, the token is the authority). @throws NotFoundError */
export async function unsubscribeByToken(db: DbOrTx, token: string): Promise<void> {
  const verified = await verifyUnsubscribeToken(db, token);
  if (!verified) throw new NotFoundError("Unsubscribe link");
  await saveEmailPreferences(db, verified.scope, { subscribed: { [verified.kind]: false } });
}
