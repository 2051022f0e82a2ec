"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { primaryButton } from "@/components/ui/button-styles";
import type { BillingDetails } from "@/lib/domain/customers/billing-details";
import type { CountryOption } from "@/lib/domain/platforms/invoicing/countries";
import { portalFetch, PortalApiError } from "@/lib/workflows/queries/portal-fetch";
import { BillingField, inputClass } from "./billing-field";

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
  const t = useTranslations("billingDetails");
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
      {field("company", t("company"), "company", { autoComplete: "organization" })}
      {field("name", t("name"), "name", { autoComplete: "name" })}
      {field("line1", t("address"), "address.line1", { autoComplete: "address-line1", required: true }, true)}
      {field("line2", t("address2"), "address.line2", { autoComplete: "address-line2" }, true)}
      {field("postal_code", t("postalCode"), "address.postal_code", { autoComplete: "postal-code" })}
      {field("city", t("city"), "address.city", { autoComplete: "address-level2", required: true })}
      {field("state", t("state"), "address.state", { autoComplete: "address-level1" })}
      <BillingField id={`${id}-country`} label={t("country")} error={error?.field("address.country")}>
        <select id={`${id}-country`} name="country" required value={form.country} onChange={(e) => setForm({ ...form, country: e.target.value })} className={inputClass}>
          <option value="">{t("choose")}</option>
          {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
        </select>
      </BillingField>
      <BillingField id={`${id}-tax_type`} label={t("taxIdType")} error={error?.field("tax_id.type")}>
        <select id={`${id}-tax_type`} name="tax_type" value={form.tax_type} onChange={(e) => setForm({ ...form, tax_type: e.target.value })} className={inputClass}>
          <option value="">{t("none")}</option>
          {taxIdTypes.map((type) => <option key={type} value={type}>{t("taxIdLabel", { type })}</option>)}
        </select>
      </BillingField>
      {field("tax_value", t("taxId"), "tax_id.value", { disabled: !form.tax_type, autoComplete: "off", placeholder: form.tax_type === "eu_vat" ? "DE123456789" : undefined })}
      {field("email", t("email"), "email", { type: "email", autoComplete: "email" }, true)}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" className={primaryButton} disabled={save.isPending}>{save.isPending ? t("saving") : next ? t("saveAndContinue") : t("save")}</button>
        <p role="status" aria-live="polite" className={`text-sm ${error ? "text-danger" : "text-fg-muted"}`} data-testid="billing-details-result">
          {error ? error.message : save.isSuccess ? t("saved") : ""}
        </p>
      </div>
    </form>
  );
}
