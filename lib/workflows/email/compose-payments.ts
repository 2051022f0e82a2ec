import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/lib/kernel/db";
import { invoices, topUps } from "@/lib/kernel/db/schema";
import { formatDateTime } from "@/lib/kernel/format/dates";
import { formatAmount } from "@/lib/kernel/money/format";
import { inScope, type CustomerScope } from "@/lib/kernel/scope";
import { findAsset } from "@/lib/domain/assets/find-asset";
import { renderPdf } from "@/lib/domain/payments/invoices/pdf";
import { documentOf } from "@/lib/domain/payments/invoices/serialize";
import type { Composed, ComposeContext } from "./compose-types";

export async function amountText(db: DbOrTx, scope: CustomerScope, amount: unknown, code: unknown, locale: string): Promise<string> {
  const asset = await findAsset(db, scope, String(code));
  const value = String(amount ?? "0");
  return asset ? formatAmount(value, asset, locale) : `${value} ${String(code)}`;
}

async function invoiceAttachment(db: DbOrTx, scope: CustomerScope, topUpId: string) {
  const [row] = await db
    .select()
    .from(invoices)
    .where(and(inScope(invoices, scope), eq(invoices.topUpId, topUpId), eq(invoices.kind, "invoice")))
    .limit(1);
  if (!row) return null;
  const content = await renderPdf(documentOf(row));
  return { number: row.number, total: row.total, currency: row.currency, file: { filename: `${row.number.replace(/[^A-Za-z0-9-]/g, "")}.pdf`, content, contentType: "application/pdf" } };
}

/** A receipt (or, for an automatic top-up, its success notice) with the invoice PDF when one was issued. */
export async function composeReceipt(c: ComposeContext): Promise<Composed | null> {
  const { db, scope, t, locale } = c;
  const topUpId = String(c.data.top_up_id ?? "");
  const [top] = await db.select().from(topUps).where(and(inScope(topUps, scope), eq(topUps.id, topUpId))).limit(1);
  if (!top) return null;
  const invoice = await invoiceAttachment(db, scope, top.id);
  // What the card was charged: the invoice's total includes any tax added on top of the top-up.
  const amount = await amountText(db, scope, invoice?.total ?? top.amount, invoice?.currency ?? top.currency, locale);
  const credited = top.origin === "subscription" ? null : await amountText(db, scope, top.units, top.assetCode, locale);
  const auto = c.kind === "auto_top_up_succeeded";
  const ns = auto ? "autoTopUpSucceeded" : "receipt";
  const values = { platform: c.platformName, amount, credited: credited ?? amount };
  const paragraphs = [t(`${ns}.body`, values)];
  if (!auto && credited) paragraphs.push(t("receipt.credited", values));
  if (top.cardBrand && top.cardLast4) paragraphs.push(t("receipt.paidWith", { brand: top.cardBrand.toUpperCase(), last4: top.cardLast4 }));
  if (invoice) paragraphs.push(t("receipt.invoice", { number: invoice.number }));
  const rows = [
    { label: t("common.amountLabel"), value: amount },
    { label: t("common.dateLabel"), value: formatDateTime((top.completedAt ?? top.createdAt).toISOString(), locale, "UTC") + " UTC" },
  ];
  return {
    content: { subject: t(`${ns}.subject`, values), heading: t(`${ns}.heading`), paragraphs, rows, button: { label: t("common.openBilling"), url: c.signInPage }, note: null },
    attachments: invoice ? [invoice.file] : [],
  };
}

/** An automatic top-up that added nothing: declined, held back by a cap, or waiting for the customer's bank. */
export async function composeAutoTopUpProblem(c: ComposeContext): Promise<Composed> {
  const amount = await amountText(c.db, c.scope, c.data.amount, c.data.currency, c.locale);
  const values = { platform: c.platformName, amount, minutes: 10 };
  if (c.kind === "auto_top_up_action_required") {
    const link = await c.signInLink("/auto-top-up");
    const ns = "autoTopUpActionRequired";
    return {
      content: { subject: c.t(`${ns}.subject`, values), heading: c.t(`${ns}.heading`), paragraphs: [c.t(`${ns}.body`, values)], rows: [], button: { label: c.t(`${ns}.button`), url: link }, note: c.t(`${ns}.linkNote`, values) },
      attachments: [],
    };
  }
  const ns = c.kind === "auto_top_up_paused" ? "autoTopUpPaused" : "autoTopUpFailed";
  const paragraphs = [c.t(`${ns}.body`, values)];
  if (ns === "autoTopUpFailed") paragraphs.push(c.t(c.data.auto_top_up_enabled === false ? "autoTopUpFailed.disabled" : "autoTopUpFailed.retry", values));
  return {
    content: { subject: c.t(`${ns}.subject`, values), heading: c.t(`${ns}.heading`), paragraphs, rows: [], button: { label: c.t("common.openBilling"), url: c.signInPage }, note: null },
    attachments: [],
  };
}
