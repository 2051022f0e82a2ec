import Link from "next/link";

export interface Segment {
  href: string;
  label: string;
  active: boolean;
}

/** A row of mutually exclusive choices made of links (works without JavaScript; the current one is marked). */
export function SegmentedLinks({ label, segments }: { label: string; segments: Segment[] }) {
  return (
    <nav aria-label={label} className="inline-flex flex-wrap gap-1 rounded-lg border border-line bg-surface-raised p-1">
      {segments.map((s) => (
        <Link
          key={s.href}
          href={s.href}
          scroll={false}
          aria-current={s.active ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${s.active ? "bg-brand text-brand-fg" : "text-fg-muted hover:bg-surface-sunken hover:text-fg"}`}
        >
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
