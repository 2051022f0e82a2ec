import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailMessages } from "@/lib/kernel/db/schema";
import { rowsOf } from "@/lib/kernel/db/rows";
import { armFault, FaultInjected } from "@/lib/kernel/faults";
import { dec } from "@/lib/kernel/money";
import { ensurePaymentCustomer } from "@/lib/domain/payments/customers";
import { saveAutoTopUp } from "@/lib/domain/payments/auto-top-up/save-settings";
import { stripeProvider } from "@/lib/domain/payments/stripe/stripe-provider";
import { testDatabases } from "@/test/support/databases";
import { adjust, paymentsWorld, type PaymentsWorld } from "@/test/support/payments-fixtures";
import { SmtpCapture } from "@/test/support/smtp-capture";
import { deliverWebhook } from "@/test/support/stripe-env";
import { stripeSuite } from "@/test/support/stripe-suite";
import { sendEmailMessage } from "./send";

const smtp = new SmtpCapture();
beforeAll(() => smtp.use());
afterAll(() => smtp.stop());

describe.each(testDatabases())("email delivery across crashes on $name", (target) => {
  const suite = stripeSuite(target);
  const db = () => suite.database.db;
  const messagesOf = (w: PaymentsWorld, kind: string) => db().select().from(emailMessages).where(and(eq(emailMessages.customerId, w.customerId), eq(emailMessages.kind, kind)));
  const receivedBy = (w: PaymentsWorld) => smtp.received.filter((m) => m.text?.includes(w.platform.name));

  it("no email for a payment that did not commit; the committed payment's email survives crashes before and during the send and goes out once", async () => {
    const w = await paymentsWorld(suite.database);
    await adjust(w, "USD", "50");
    const customer = await ensurePaymentCustomer(db(), w.scope, stripeProvider);
    const card = suite.stub.state.addCard(customer.providerCustomerId);
    await saveAutoTopUp(db(), w.scope, "default:USD", { enabled: true, threshold: dec("10"), amount: dec("25"), payment_method_id: card.id, consent: true });
    await adjust(w, "USD", "-45");
    const intent = [...suite.stub.state.intents.values()].find((i) => i.customer === customer.providerCustomerId)!;
    const event = suite.stub.event("payment_intent.succeeded", intent);

    armFault("between-webhook-dedupe-and-credit");
    expect((await deliverWebhook(event)).status).toBe(500);
    expect(await messagesOf(w, "auto_top_up_succeeded")).toEqual([]);
    expect((await deliverWebhook(event)).json.outcome).toBe("credited");
    expect((await deliverWebhook(event)).json.outcome).toBe("duplicate");

    // Committed with the payment: the message and the job that sends it, before anything was sent.
    const [row, ...others] = await messagesOf(w, "auto_top_up_succeeded");
    expect(others).toEqual([]);
    expect(row!.status).toBe("pending");
    const jobs = rowsOf<{ status: string }>(await db().execute(sql`SELECT status FROM jobs WHERE unique_key = ${`email:${row!.id}`}`));
    expect(jobs).toEqual([{ status: "pending" }]);

    // The sender dies after claiming the message, before the mail server saw it.
    armFault("email-before-send");
    await expect(sendEmailMessage(db(), row!.id)).rejects.toThrow(FaultInjected);
    expect(receivedBy(w)).toEqual([]);
    // The job runs again after the restart, and again by mistake: one message.
    await sendEmailMessage(db(), row!.id);
    await sendEmailMessage(db(), row!.id);
    expect(receivedBy(w).map((m) => m.subject)).toEqual(["Automatic top-up of $25.00 succeeded"]);
    expect((await messagesOf(w, "auto_top_up_succeeded"))[0]!.status).toBe("sent");
  });

  it("a crash after the server accepted a message and before it was recorded: the one resend carries the same Message-ID", async () => {
    const w = await paymentsWorld(suite.database);
    await adjust(w, "USD", "10");
    await adjust(w, "USD", "-15");
    const [row] = await messagesOf(w, "low_balance");
    armFault("email-after-send-before-record");
    await expect(sendEmailMessage(db(), row!.id)).rejects.toThrow(FaultInjected);
    await sendEmailMessage(db(), row!.id);
    await sendEmailMessage(db(), row!.id);
    const copies = receivedBy(w);
    expect(copies).toHaveLength(2);
    expect(new Set(copies.map((m) => m.messageId))).toEqual(new Set([`<${row!.id}@billfold.localhost>`]));
    expect((await messagesOf(w, "low_balance"))[0]!.status).toBe("sent");
  });
});
