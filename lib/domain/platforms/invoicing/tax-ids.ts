import { euVat, stdnum } from "stdnum";

/*
 * Tax ID types (named as Stripe names them) and the stdnum validator that checks each one's format
 * and check digits. Formats are checked here; whether a number is registered is the tax office's
 * business (VIES and the like), which no format check can answer.
 */

interface Validator {
  validate(value: string): { isValid: boolean };
}

const BY_TYPE: Record<string, Validator | undefined> = {
  gb_vat: stdnum.GB?.vat,
  ch_vat: stdnum.CH?.vat,
  no_vat: stdnum.NO?.mva,
  au_abn: stdnum.AU?.abn,
  us_ein: stdnum.US?.ein,
  ca_bn: stdnum.CA?.bn,
  in_gst: stdnum.IN?.gstin,
  nz_gst: stdnum.NZ?.ird,
  sg_uen: stdnum.SG?.uen,
  jp_cn: stdnum.JP?.cn,
  kr_brn: stdnum.KR?.brn,
  br_cnpj: stdnum.BR?.cnpj,
  mx_rfc: stdnum.MX?.rfc,
  za_vat: stdnum.ZA?.vat,
  tr_tin: stdnum.TR?.vkn,
};

export const TAX_ID_TYPES = ["eu_vat", ...Object.keys(BY_TYPE)] as [string, ...string[]];

/** An EU VAT number starts with its member state's prefix (EL for Greece); stdnum checks the rest. */
function validEuVat(value: string): boolean {
  const prefix = value.slice(0, 2).toUpperCase();
  const country = prefix === "EL" ? "GR" : prefix;
  return (euVat[country] ?? []).some((v: Validator) => v.validate(value).isValid);
}

/** Whether `value` has the format (and check digits) of a tax ID of `type`. */
export function validTaxId(type: string, value: string): boolean {
  if (type === "eu_vat") return validEuVat(value);
  const validator = BY_TYPE[type];
  return validator !== undefined && validator.validate(value).isValid;
}

/** Spaces, dots and dashes are how people write them, not part of them. */
export function compactTaxId(value: string): string {
  return value.replace(/[\s.\-]/g, "").toUpperCase();
}
