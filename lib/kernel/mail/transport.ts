import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/kernel/env";

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per message, so a receiver can tell a resend after a crash from a new message. */
  messageId: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
}

/** The server said no for good (5xx): the address is recorded and never tried again. */
export class MailRejectedError extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

const holder = globalThis as typeof globalThis & { __billfoldMailer?: { url: string; transport: Transporter } };

function transportFor(url: string): Transporter {
  if (holder.__billfoldMailer?.url !== url) {
    holder.__billfoldMailer?.transport.close();
    holder.__billfoldMailer = { url, transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }) };
  }
  return holder.__billfoldMailer.transport;
}

/** Whether an SMTP server is configured; without one, messages stay in the outbox. */
export function smtpConfigured(): boolean {
  return env().SMTP_URL !== undefined;
}

/**
 * Hands one message to the SMTP server. @throws MailRejectedError when the server refuses it
 * permanently; any other error (connection, 4xx) is worth retrying.
 */
export async function sendMail(mail: OutgoingMail): Promise<void> {
  const url = env().SMTP_URL;
  if (!url) throw new Error("SMTP_URL is not set");
  try {
    const info = await transportFor(url).sendMail({ ...mail, envelope: { from: env().MAIL_FROM, to: [mail.to] } });
    if ((info.rejected ?? []).length > 0) throw new MailRejectedError("recipient rejected", 550);
  } catch (e) {
    const code = (e as { responseCode?: unknown }).responseCode;
    if (typeof code === "number" && code >= 500) throw new MailRejectedError((e as Error).message, code);
    throw e;
  }
}
