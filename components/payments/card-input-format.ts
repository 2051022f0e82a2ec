/** "4242424242424242" → "4242 4242 4242 4242" as it is typed (at most 19 digits). */
export function groupCardNumber(value: string): string {
  return value.replace(/\D/g, "").slice(0, 19).replace(/(\d{4})(?=\d)/g, "$1 ");
}

/** "1234" → "12 / 34": the slash comes by itself once the month is typed. */
export function formatExpiry(value: string): string {
  const digits = value.replace(/\D/g, "").slice(0, 4);
  return digits.length > 2 ? `${digits.slice(0, 2)} / ${digits.slice(2)}` : digits;
}
