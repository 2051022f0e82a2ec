export const primaryButton =
  "inline-flex h-10 items-center justify-center gap-2 rounded-md bg-brand px-4 text-sm font-semibold text-brand-fg hover:opacity-90 disabled:opacity-60";
export const secondaryButton =
  "inline-flex h-10 items-center justify-center gap-2 rounded-md border border-line bg-surface-raised px-4 text-sm font-medium text-fg hover:bg-surface-sunken disabled:opacity-60";
