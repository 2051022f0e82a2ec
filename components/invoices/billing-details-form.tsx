"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import type { BillingDetails } from "@/lib/domain/customers/billing-details";
import type { CountryOption } from "@/lib/domain/platforms/invoicing/countries";
import { portalFetch, PortalApiError } from "@/lib/workflows/queries/portal-fetch";
import { BillingField, inputClass } from "./billing-field";

const TAX_ID_LABELS: Record<string, string> = {
  eu_vat: "EU VAT number", gb_vat: "UK VAT number", ch_vat: "Swiss VAT number", no_vat: "Norwegian VAT number", au_abn: "Australian ABN",
  us_ein: "US EIN", ca_bn: "Canadian BN", in_gst: "Indian GSTIN", nz_gst: "New Zealand GST number", sg_uen: "Singapore UEN",
  jp_cn: "Japanese corporate number", kr_brn: "Korean BRN", br_cnpj: "Brazilian CNPJ", mx_rfc: "Mexican RFC", za_vat: "South African VAT number", tr_tin: "Turkish tax number",
};

type Form = Record<"name" | "company" | "line1" | "line2" | "city" | "postal_code" | "state" | "country" | "tax_type" | "tax_value" | "email", string>;

function initial(d: BillingDetails | null): Form {
  const a = d?.address;
  return {
    name: d?.name ?? "", company: d?.company ?? "", line1: a?.line1 ?? "", line2: a?.line2 ?? "", city: a?.city ?? "", postal_code: a?.postal_code ?? "",
    state: a?.state ?? "", country: a?.country ?? "", tax_type: d?.tax_id?.type ?? "", tax_value: d?.tax_id?.value ?? "", email: d?.email ?? "",
  };
}

function body(f: Form, locale: string) {
  const text = (v: string) => v.trim() || null;
  return {
    name: text(f.name), company: text(f.company), email: text(f.email), locale,
    address: { line1: f.line1, line2: text(f.line2), city: f.city, postal_code: text(f.postal_code), state: text(f.state), country: f.country },
    tax_id: f.tax_type ? { type: f.tax_type, value: f.tax_value } : null,
  };
}

/** The customer's name or company, address, tax ID and receipt email, as every invoice will print them. */
export function BillingDetailsForm({ details, countries, taxIdTypes, locale, next }: { details: BillingDetails | null; countries: CountryOption[]; taxIdTypes: string[]; locale: string; next: string | null }) {
  const id = useId();
  const router = useRouter();
  const [form, setForm] = useState(() => initial(details));
  const save = useMutation({
    mutationFn: () => portalFetch<{ billing_details: BillingDetails }>("/api/portal/billing-details", { method: "PUT", body: body(form, details?.locale ?? locale) }),
    onSuccess: () => (next ? router.push(next) : router.refresh()),
  });
  const error = save.error instanceof PortalApiError ? save.error : null;
  const field = (key: keyof Form, label: string, path: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, wide = false) => (
    <BillingField id={`${id}-${key}`} label={label} error={error?.field(path)} wide={wide}>
      <input id={`${id}-${key}`} name={key} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} aria-invalid={Boolean(error?.field(path))} className={inputClass} {...props} />
    </BillingField>
  );
  return (
    <form className="grid gap-4 sm:grid-cols-2" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      {field("company", "Company", "company", { autoComplete: "organization" })}
      {field("name", "Name", "name", { autoComplete: "name" })}
      {field("line1", "Address", "address.line1", { autoComplete: "address-line1", required: true }, true)}
      {field("line2", "Address line 2 (optional)", "address.line2", { autoComplete: "address-line2" }, true)}
      {field("postal_code", "Postal code", "address.postal_code", { autoComplete: "postal-code" })}
      {field("city", "City", "address.city", { autoComplete: "address-level2", required: true })}
      {field("state", "State or region (optional)", "address.state", { autoComplete: "address-level1" })}
      <BillingField id={`${id}-country`} label="Country" error={error?.field("address.country")}>
        <select id={`${id}-country`} name="country" required value={form.country} onChange={(e) => setForm({ ...form, country: e.target.value })} className={inputClass}>
          <option value="">Choose…</option>
          {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </select>
      </BillingField>
      <BillingField id={`${id}-tax_type`} label="Tax ID type" error={error?.field("tax_id.type")}>
        <select id={`${id}-tax_type`} name="tax_type" value={form.tax_type} onChange={(e) => setForm({ ...form, tax_type: e.target.value })} className={inputClass}>
          <option value="">None</option>
          {taxIdTypes.map((t) => <option key={t} value={t}>{TAX_ID_LABELS[t] ?? t}</option>)}
        </select>
      </BillingField>
      {field("tax_value", "Tax ID", "tax_id.value", { disabled: !form.tax_type, autoComplete: "off", placeholder: form.tax_type === "eu_vat" ? "DE123456789" : undefined })}
      {field("email", "Send receipts to (optional)", "email", { type: "email", autoComplete: "email" }, true)}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" className={primaryButton} disabled={save.isPending}>{save.isPending ? "Saving…" : next ? "Save and continue" : "Save"}</button>
        <p role="status" aria-live="polite" className={`text-sm ${error ? "text-danger" : "text-fg-muted"}`} data-testid="billing-details-result">
          {error ? error.message : save.isSuccess ? "Saved. Your next invoices will show these details." : ""}
        </p>
      </div>
    </form>
  );
}
