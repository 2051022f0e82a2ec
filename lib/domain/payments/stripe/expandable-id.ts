/** Stripe sends a related object as its id, or as the object itself when expanded; either way, its id. */
export function expandableId(value: string | { id: string } | null | undefined): string | null {
  return typeof value === "string" ? value : (value?.id ?? null);
}
