import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { emailMessages } from "@/lib/kernel/db/schema";
import { dec } from "@/lib/kernel/money";
import { ensurePaymentCustomer } from "@/lib/domain/payments/customers";
import { saveAutoTopUp } from "@/lib/domain/payments/auto-top-up/save-settings";
import { stripeProvider } from "@/lib/domain/payments/stripe/stripe-provider";
import { callApi } from "@/test/support/api-client";
import { testDatabases } from "@/test/support/databases";
import { FRENCH_BUYER, pdfText, setUpInvoicing } from "@/test/support/invoice-fixtures";
import { adjust, paymentsWorld, portalSession } from "@/test/support/payments-fixtures";
import { sendQueuedEmails, SmtpCapture } from "@/test/support/smtp-capture";
import { stripeSuite, testProviderSuite } from "@/test/support/stripe-suite";

const smtp = new SmtpCapture();
beforeAll(() => smtp.use());
afterAll(() => smtp.stop());

describe.each(testDatabases())("receipts through a real SMTP server on $name", (target) => {
  const suite = testProviderSuite(target);

  const pay = (url: string) =>
    callApi("POST", `/api/test-checkout/${url.split("/").pop()}`, { body: { card_number: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123" }, headers: { origin: "http://portal.test" } });

  it("a top-up's receipt: the amounts, the invoice PDF attached, sent once however often the job runs", async () => {
    const w = await paymentsWorld(suite.database);
    await setUpInvoicing(w, FRENCH_BUYER);
    const portal = await portalSession(suite.database, w);
    // The test provider's checkout, as the portal's top-up page uses it.
    const topUp = await portal("POST", "/api/portal/top-ups", { body: { account_id: "default:USD", amount: 25 } });
    expect(topUp.status, topUp.text).toBe(201);
    expect((await pay(topUp.json.redirect_url)).json.kind).toBe("redirect");
    expect(await sendQueuedEmails(suite.database.db, w.customerId)).toBe(1);
    expect(await sendQueuedEmails(suite.database.db, w.customerId)).toBe(0);
    const mails = smtp.to("compta@dupont.example").filter((m) => m.text?.includes(w.platform.name));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe(`Your receipt from ${w.platform.name}`);
    expect(mail.text).toContain("We received your payment of $30.00.");
    expect(mail.text).toContain("Added to your balance: $25.00");
    expect(mail.html).toContain("$30.00");
    expect(mail.headerLines.map((h) => h.key)).not.toContain("list-unsubscribe");
    const [pdf] = mail.attachments;
    expect(pdf).toMatchObject({ contentType: "application/pdf", filename: "ACME-TEST-000001.pdf" });
    expect(pdfText(pdf!.content)).toContain("Total $30.00");
  });


  it("a plan charge's receipt, announced by its invoice: the plan's price and the PDF", async () => {
    const w = await paymentsWorld(suite.database);
    await setUpInvoicing(w, FRENCH_BUYER);
    const api = (method: string, path: string, body?: unknown) => callApi(method, `/api/v1${path}`, { key: w.key, body });
    await api("POST", "/products", {
      name: "Pro Plan", code: "pro_monthly", publish: true,
      prices: [{ name: "Monthly fee", type: "fixed", billing_model: { type: "recurring", recurring: { interval: "month" } }, pricing: [{ asset: "USD", values: [{ unit_price: 20 }] }] }],
    });
    const sub = await api("POST", `/customers/${w.customerId}/subscriptions`, { products: [{ code: "pro_monthly" }] });
    expect((await pay(sub.json.required_actions[0].redirect_url)).json.kind).toBe("redirect");
    expect(await sendQueuedEmails(suite.database.db, w.customerId)).toBe(1);
    const [mail, ...more] = smtp.to("compta@dupont.example").filter((m) => m.text?.includes(w.platform.name));
    expect(more).toHaveLength(0);
    expect(mail!.text).toContain("We received your payment of $24.00.");
    expect(mail!.text).not.toContain("Added to your balance");
    expect(mail!.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
  });
});

describe.each(testDatabases())("auto top-up emails through a real SMTP server on $name", (target) => {
  const suite = stripeSuite(target);

  it("an automatic top-up that is declined: the failure email, and nothing for the customer who turned notices off", async () => {
    const w = await paymentsWorld(suite.database);
    await adjust(w, "USD", "50");
    const customer = await ensurePaymentCustomer(suite.database.db, w.scope, stripeProvider);
    const card = suite.stub.state.addCard(customer.providerCustomerId, "insufficient_funds");
    const input = { enabled: true, threshold: dec("10"), amount: dec("25"), payment_method_id: card.id, consent: true, monthly_cap: null, confirm_immediate_charge: true };
    await saveAutoTopUp(suite.database.db, w.scope, "default:USD", input);
    const portal = await portalSession(suite.database, w);
    const off = await portal("PUT", "/api/portal/notifications", { body: { subscribed: { low_balance: false } } });
    expect(off.status, off.text).toBe(200);
    await adjust(w, "USD", "-45");
    await sendQueuedEmails(suite.database.db, w.customerId);
    const mails = smtp.to("ada@example.com").filter((m) => m.text?.includes(w.platform.name));
    expect(mails.map((m) => m.subject)).toEqual(["Your automatic top-up of $25.00 failed"]);
    expect(mails[0]!.text).toContain("We tried to charge $25.00 to your saved card, but the payment did not go through.");
    const rows = await suite.database.db.select().from(emailMessages).where(eq(emailMessages.customerId, w.customerId));
    expect(rows.map((r) => [r.kind, r.status])).toEqual([["auto_top_up_failed", "sent"]]);
  });
});

describe.each(testDatabases())("optional emails: language, one-click unsubscribe on $name", (target) => {
  const suite = testProviderSuite(target);

  it("a German customer's low-balance alert is in German, carries RFC 8058 headers, and one POST turns the alerts off", async () => {
    const w = await paymentsWorld(suite.database);
    const german = { name: "Jana Müller", address: { line1: "Marienplatz 1", city: "München", postal_code: "80331", country: "DE" }, email: "jana@example.de", locale: "de-DE" };
    expect((await callApi("PATCH", `/api/v1/customers/${w.customerId}`, { key: w.key, body: { billing_details: german } })).status).toBe(200);
    await adjust(w, "USD", "10");
    await adjust(w, "USD", "-15");
    await sendQueuedEmails(suite.database.db, w.customerId);
    const [mail, ...more] = smtp.to("jana@example.de").filter((m) => m.text?.includes(w.platform.name));
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`Ihr Guthaben bei ${w.platform.name} ist niedrig`);
    expect(mail!.text!.replace(/\u00a0/g, " ")).toContain("Ihr Guthaben ist aufgebraucht: Es beträgt jetzt -5,00 $.");
    expect(mail!.html).toContain('lang="de"');
    // The raw header lines, as a mail client reads them (mailparser folds List-* headers into one object).
    const line = (key: string) => mail!.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n/g, "");
    expect(line("list-unsubscribe-post")).toMatch(/^List-Unsubscribe-Post:\s+List-Unsubscribe=One-Click$/);
    const oneClick = /^List-Unsubscribe:\s+<(https?:\/\/[^>]+)>$/.exec(line("list-unsubscribe")!)![1]!;
    expect(oneClick).toMatch(/^http:\/\/portal\.test\/api\/email\/unsubscribe\?token=/);
    expect(mail!.text).toContain("Diese E-Mails abbestellen");

    const path = oneClick.replace("http://portal.test", "");
    expect((await callApi("GET", path)).status).toBe(303);
    expect((await callApi("POST", path.replace("token=", "token=x"), { raw: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } })).status).toBe(404);
    const post = await callApi("POST", path, { raw: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(post.status, post.text).toBe(200);

    await adjust(w, "USD", "20");
    await adjust(w, "USD", "-25");
    expect(await sendQueuedEmails(suite.database.db, w.customerId)).toBe(0);
    expect(smtp.to("jana@example.de").filter((m) => m.text?.includes(w.platform.name))).toHaveLength(1);
  });

  it("a kind the platform switched off in its settings is not written at all", async () => {
    const w = await paymentsWorld(suite.database);
    expect((await callApi("PUT", "/api/v1/platform/settings", { key: w.key, body: { emails: { kinds: { low_balance: false } } } })).status).toBe(200);
    await adjust(w, "USD", "10");
    await adjust(w, "USD", "-15");
    expect(await suite.database.db.select().from(emailMessages).where(eq(emailMessages.customerId, w.customerId))).toEqual([]);
  });

  it("an address the server refuses is recorded and never tried again", async () => {
    const w = await paymentsWorld(suite.database);
    const address = `gone-${w.customerId}@example.com`;
    const billing = { name: "Gone", address: { line1: "1 Main St", city: "Springfield", country: "US" }, email: address };
    expect((await callApi("PATCH", `/api/v1/customers/${w.customerId}`, { key: w.key, body: { billing_details: billing } })).status).toBe(200);
    smtp.refuse.add(address);
    await adjust(w, "USD", "10");
    await adjust(w, "USD", "-15");
    await sendQueuedEmails(suite.database.db, w.customerId);
    await adjust(w, "USD", "20");
    await adjust(w, "USD", "-25");
    await sendQueuedEmails(suite.database.db, w.customerId);
    const rows = await suite.database.db.select().from(emailMessages).where(eq(emailMessages.customerId, w.customerId));
    expect(rows.map((r) => r.status).sort()).toEqual(["failed", "skipped"]);
    expect(rows.find((r) => r.status === "skipped")!.lastError).toBe("address suppressed (rejected)");
    // The platform reads the outcome like its webhook deliveries; another platform cannot.
    const listed = await callApi("GET", `/api/v1/customers/${w.customerId}/emails`, { key: w.key });
    expect(listed.json.items.map((i: { kind: string; status: string; to: string }) => [i.kind, i.status, i.to])).toEqual([["low_balance", "skipped", address], ["low_balance", "failed", address]]);
    expect((await callApi("GET", "/api/v1/email-deliveries?limit=1", { key: w.key })).json).toMatchObject({ items: [{ customer_id: w.customerId }], total_count: 2 });
    const other = await paymentsWorld(suite.database);
    expect((await callApi("GET", `/api/v1/customers/${w.customerId}/emails`, { key: other.key })).status).toBe(404);
    expect((await callApi("GET", "/api/v1/email-deliveries", { key: other.key })).json.items).toEqual([]);
  });
});
