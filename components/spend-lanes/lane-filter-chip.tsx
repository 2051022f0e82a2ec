import Link from "next/link";
import { useTranslations } from "next-intl";

/** The lane filter in force, with the way to remove it. */
export function LaneFilterChip({ label, value, clearHref }: { label: string; value: string; clearHref: string }) {
  const t = useTranslations("lanes");
  return (
    <p className="inline-flex max-w-full items-center gap-2 rounded-full border border-line bg-surface-raised py-1 pl-3 pr-1 text-sm" data-testid="lane-filter">
      <span className="truncate">
        {t.rich("filter", { lane: label, value, muted: (chunks) => <span className="text-fg-muted">{chunks}</span>, strong: (chunks) => <span className="font-medium">{chunks}</span> })}
      </span>
      <Link href={clearHref} scroll={false} className="rounded-full px-2 py-0.5 text-fg-muted hover:bg-surface-sunken hover:text-fg" aria-label={t("removeFilter", { lane: label, value })}>
        ✕
      </Link>
    </p>
  );
}
