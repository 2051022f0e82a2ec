import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/kernel/db";
import { emailMessages } from "@/lib/kernel/db/schema";
import { resetEnvCache } from "@/lib/kernel/env";
import { sendEmailMessage } from "@/lib/workflows/email/send";

/** A real SMTP server in this process: it accepts every message (or refuses listed recipients with 550) and parses it. */
export class SmtpCapture {
  readonly received: ParsedMail[] = [];
  readonly refuse = new Set<string>();
  /** While set, messages are read to their end and never answered: a sender waits for the server's reply. */
  stall = false;
  stalledMessages = 0;
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      if (this.refuse.has(address.address.toLowerCase())) return callback(Object.assign(new Error("No such user"), { responseCode: 550 }));
      callback();
    },
    onData: (stream, _session, callback) => {
      if (this.stall) {
        stream.on("end", () => this.stalledMessages++).resume();
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          this.received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  /** Points the mailer at this server (SMTP_URL) until `stop`. */
  async use(): Promise<void> {
    process.env.SMTP_URL = await this.start();
    resetEnvCache();
  }

  async stop(): Promise<void> {
    delete process.env.SMTP_URL;
    resetEnvCache();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((m) => m.to && [m.to].flat().some((a) => a.value.some((v) => v.address === address)));
  }
}

/** Sends a customer's queued messages as the job runner would, oldest first; returns how many were due. */
export async function sendQueuedEmails(db: Db, customerId: string): Promise<number> {
  const rows = await db.select({ id: emailMessages.id, status: emailMessages.status }).from(emailMessages).where(eq(emailMessages.customerId, customerId)).orderBy(asc(emailMessages.createdAt), asc(emailMessages.id));
  const due = rows.filter((r) => r.status === "pending" || r.status === "sending");
  for (const row of due) await sendEmailMessage(db, row.id);
  return due.length;
}
