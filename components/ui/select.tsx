import type { SelectHTMLAttributes } from "react";

export function Select({ label, id, children, ...rest }: { label: string; id: string } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className="flex min-w-36 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-fg-muted">
        {label}
      </label>
      <select
        id={id}
        className="h-10 rounded-md border border-line bg-surface-raised px-3 text-sm text-fg"
        {...rest}
      >
        {children}
      </select>
    </div>
  );
}
