import type { ReactNode } from "react";

/** A bordered table of records with a plain header row; a column with `hidden` text is named for screen readers only. */
export function CardTable({ columns, children }: { columns: { label: string; hidden?: boolean }[]; children: ReactNode }) {
  return (
    // `relative`: screen-reader-only text in a cell scrolled out of view stays inside the scroller instead of widening the page.
    <div className="relative overflow-x-auto rounded-xl border border-line bg-surface-raised">
      <table className="w-full text-sm">
        <thead className="text-left text-fg-muted">
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className="px-4 py-2 font-medium">
                {c.hidden ? <span className="sr-only">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
