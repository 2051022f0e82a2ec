import { describe, expect, it } from "vitest";
import { emailMessages } from "@/lib/kernel/db/schema";
import { newId } from "@/lib/kernel/ids";
import { EMAIL_LOCALES } from "@/lib/domain/platforms/email-settings";
import { testDatabases } from "@/test/support/databases";
import { paymentsWorld } from "@/test/support/payments-fixtures";
import { testProviderSuite } from "@/test/support/stripe-suite";
import { composeEmail } from "./compose";

const KINDS: [string, Record<string, unknown>][] = [
  ["auto_top_up_failed", { amount: 25, currency: "USD", auto_top_up_enabled: false }],
  ["auto_top_up_paused", { amount: 25, currency: "USD" }],
  ["auto_top_up_action_required", { amount: 25, currency: "EUR" }],
  ["low_balance", { balance: 4.5, threshold: 10, asset: "USD" }],
  ["credits_expiring", { remaining: 120, asset: "USD", expires_at: "2026-12-14T00:00:00.000Z" }],
  ["plan_renewal_failed", { current_period_end: "2026-12-14T00:00:00.000Z" }],
  ["plan_ending", { current_period_end: "2026-12-31T00:00:00.000Z" }],
  ["sign_in", {}],
];

describe.each(testDatabases())("every message kind composes in every language on $name", (target) => {
  const suite = testProviderSuite(target);

  it("subject, HTML and text with every placeholder filled; links that sign in only where the message needs one", async () => {
    const w = await paymentsWorld(suite.database);
    for (const locale of EMAIL_LOCALES) {
      for (const [kind, data] of KINDS) {
        const row = { id: newId("email"), ...w.scope, kind, messageKey: `${kind}:${locale}`, toAddress: "ada@example.com", locale, data, createdAt: new Date() };
        const [stored] = await suite.database.db.insert(emailMessages).values(row).returning();
        const mail = (await composeEmail(suite.database.db, stored!))!;
        for (const part of [mail.subject, mail.text, mail.html]) expect(part, `${kind} ${locale}`).not.toMatch(/\{\w+\}/);
        expect(mail.subject.length, `${kind} ${locale}`).toBeGreaterThan(3);
        expect(mail.html).toContain(`lang="${locale}"`);
        const signsIn = mail.text.includes("/api/sign-in?token=");
        expect(signsIn, `${kind} ${locale}`).toBe(kind === "sign_in" || kind === "auto_top_up_action_required");
      }
    }
  });
});
