import type { CSSProperties, ReactNode } from "react";

/**
 * A bordered table of records with a plain header row; a column with `hidden` text is named for screen
 * readers only. Below the small breakpoint each row stacks into a labelled record (app/globals.css,
 * .stack-table), so no column is cut off and nothing scrolls sideways on a phone.
 */
export function CardTable({ columns, children, caption }: { columns: { label: string; hidden?: boolean }[]; children: ReactNode; caption?: string }) {
  const labels = Object.fromEntries(columns.map((c, i) => [`--col-${i + 1}`, c.hidden ? '""' : JSON.stringify(c.label)])) as CSSProperties;
  return (
    <div className="relative rounded-xl border border-line bg-surface-raised sm:overflow-x-auto">
      <table className="stack-table w-full text-sm" style={labels}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="text-start text-fg-muted">
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
