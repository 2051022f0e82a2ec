import Link from "next/link";

/** The lane filter in force, with the way to remove it. */
export function LaneFilterChip({ label, value, clearHref }: { label: string; value: string; clearHref: string }) {
  return (
    <p className="inline-flex max-w-full items-center gap-2 rounded-full border border-line bg-surface-raised py-1 pl-3 pr-1 text-sm" data-testid="lane-filter">
      <span className="truncate">
        <span className="text-fg-muted">{label}:</span> <span className="font-medium">{value}</span>
      </span>
      <Link href={clearHref} scroll={false} className="rounded-full px-2 py-0.5 text-fg-muted hover:bg-surface-sunken hover:text-fg" aria-label={`Remove the filter ${label}: ${value}`}>
        ✕
      </Link>
    </p>
  );
}
