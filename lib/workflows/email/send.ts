import { eq } from "drizzle-orm";
import { z } from "zod";
import { now } from "@/lib/kernel/clock";
import type { Db } from "@/lib/kernel/db";
import { emailMessages, emailSuppressions } from "@/lib/kernel/db/schema";
import { faultPoint } from "@/lib/kernel/faults";
import { payloadText } from "@/lib/kernel/jobs/payload";
import { defineJob } from "@/lib/kernel/jobs/registry";
import { MailRejectedError, sendMail, smtpConfigured } from "@/lib/kernel/mail/transport";
import { optedOut } from "@/lib/domain/notifications/preferences";
import { SEND_ATTEMPTS, SEND_EMAIL_JOB } from "@/lib/domain/notifications/queue";
import type { EmailKind } from "@/lib/domain/platforms/email-settings";
import { composeEmail, type EmailRow } from "./compose";

async function record(db: Db, id: string, fields: Partial<EmailRow>): Promise<void> {
  await db.update(emailMessages).set(fields).where(eq(emailMessages.id, id));
}

/** Why a message is not sent after all: the address bounced before, or the customer opted out since it was queued. */
async function skipReason(db: Db, row: EmailRow): Promise<string | null> {
  const [bounced] = await db.select().from(emailSuppressions).where(eq(emailSuppressions.address, row.toAddress.toLowerCase())).limit(1);
  if (bounced) return `address suppressed (${bounced.reason})`;
  const scope = { platformId: row.platformId, liveMode: row.liveMode, customerId: row.customerId };
  if (row.kind !== "sign_in" && (await optedOut(db, scope, row.kind as EmailKind))) return "customer opted out";
  return null;
}

/**
 * Sends one outbox message. Without SMTP_URL it is composed and kept (`held`) for the operator. A
 * refusal for good (5xx) records the address as suppressed and ends; anything else throws, and the
 * job system retries with back-off. The Message-ID is the message's id, so the rare resend after a
 * crash between the server's acceptance and this record carries the same id and is recognised.
 */
export async function sendEmailMessage(db: Db, messageId: string, finalAttempt = false): Promise<void> {
  const [row] = await db.select().from(emailMessages).where(eq(emailMessages.id, messageId)).limit(1);
  if (!row || !["pending", "sending"].includes(row.status)) return;
  const attempts = row.attempts + 1;
  const at = now();
  const skip = await skipReason(db, row);
  if (skip) return record(db, row.id, { status: "skipped", attempts, lastError: skip, lastAttemptAt: at });
  const mail = await composeEmail(db, row);
  if (!mail) return record(db, row.id, { status: "skipped", attempts, lastError: "nothing to report any more", lastAttemptAt: at });
  if (!smtpConfigured()) {
    return record(db, row.id, { status: "held", attempts, lastAttemptAt: at, subject: mail.subject, textBody: mail.text, htmlBody: mail.html });
  }
  await record(db, row.id, { status: "sending", attempts, lastAttemptAt: at, subject: mail.subject });
  faultPoint("email-before-send");
  try {
    await sendMail(mail);
  } catch (e) {
    const message = e instanceof Error ? e.message.slice(0, 500) : "send failed";
    if (e instanceof MailRejectedError) {
      await db.insert(emailSuppressions).values({ address: row.toAddress.toLowerCase(), reason: "rejected", detail: message }).onConflictDoNothing();
      return record(db, row.id, { status: "failed", lastError: message });
    }
    await record(db, row.id, { ...(finalAttempt ? { status: "failed" as const } : { status: "pending" as const }), lastError: message });
    throw new Error(`email ${row.id} not sent: ${message}`);
  }
  faultPoint("email-after-send-before-record");
  await record(db, row.id, { status: "sent", sentAt: now(), lastError: null });
}

export const sendEmailJob = defineJob(
  SEND_EMAIL_JOB,
  z.object({ messageId: payloadText() }),
  (db, p, job) => sendEmailMessage(db, p.messageId, job.attempts >= SEND_ATTEMPTS),
  { lane: "deliveries" },
);
