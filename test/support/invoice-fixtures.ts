import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { callApi } from "./api-client";
import type { PaymentsWorld } from "./payments-fixtures";

/** A seller in Germany charging its rate table's VAT on top of its prices (or within them). */
export function invoiceSettings(behavior: "exclusive" | "inclusive" = "exclusive") {
  return {
    seller: {
      legal_name: "Acme AI GmbH",
      address: { line1: "Hauptstraße 1", city: "Berlin", postal_code: "10115", country: "DE" },
      tax_id: { type: "eu_vat", value: "DE136695976" },
      support_email: "billing@acme.example",
    },
    invoices: { number_prefix: "ACME-", footer: "Registered in Berlin, HRB 123456." },
    tax: { behavior, rates: [{ country: "FR", percent: 20, name: "TVA" }, { country: "DE", percent: 19, name: "MwSt." }] },
  };
}

export const FRENCH_BUYER = {
  company: "Dupont SARL",
  name: "Marie Dupont",
  address: { line1: "12 rue de Rivoli", city: "Paris", postal_code: "75001", country: "FR" },
  tax_id: { type: "eu_vat", value: "FR 403 032 650 45" },
  email: "compta@dupont.example",
};

export async function setUpInvoicing(w: PaymentsWorld, billing: Record<string, unknown>, behavior: "exclusive" | "inclusive" = "exclusive"): Promise<void> {
  const settings = await callApi("PUT", "/api/v1/platform/settings", { key: w.key, body: invoiceSettings(behavior) });
  if (settings.status !== 200) throw new Error(`settings: ${settings.text}`);
  const customer = await callApi("PATCH", `/api/v1/customers/${w.customerId}`, { key: w.key, body: { billing_details: billing } });
  if (customer.status !== 200) throw new Error(`billing details: ${customer.text}`);
}

/** The text poppler's pdftotext reads from a PDF, whitespace (incl. no-break spaces) collapsed. */
export function pdfText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "invoice-pdf-"));
  try {
    writeFileSync(join(dir, "doc.pdf"), pdf);
    return execFileSync("pdftotext", ["-layout", join(dir, "doc.pdf"), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The customer's documents through the API, newest first, with each one's PDF as text. */
export async function documentsOf(w: PaymentsWorld): Promise<{ json: Record<string, any>; text: string }[]> {
  const list = await callApi("GET", `/api/v1/customers/${w.customerId}/invoices`, { key: w.key });
  if (list.status !== 200) throw new Error(`invoices: ${list.text}`);
  const out = [];
  for (const item of list.json.items as Record<string, any>[]) {
    const pdf = await callApi("GET", `/api/v1/invoices/${item.id}/pdf`, { key: w.key });
    if (pdf.status !== 200 || pdf.headers.get("content-type") !== "application/pdf") throw new Error(`pdf: ${pdf.status}`);
    out.push({ json: item, text: pdfText(pdf.bytes) });
  }
  return out;
}
