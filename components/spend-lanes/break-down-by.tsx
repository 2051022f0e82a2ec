import { useTranslations } from "next-intl";
import type { SpendLane } from "@/lib/domain/platforms/spend-lanes";
import { SegmentedLinks } from "@/components/ui/segmented-links";

/** "Break down by": products (the default view) or one of the lanes the platform made visible. */
export function BreakDownBy({ lanes, current, href }: { lanes: SpendLane[]; current: string | undefined; href: (by: string | undefined) => string }) {
  const t = useTranslations("lanes");
  if (lanes.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-xs font-medium text-fg-muted" aria-hidden>{t("breakDownBy")}</span>
      <SegmentedLinks
        label={t("breakDownBy")}
        segments={[{ href: href(undefined), label: t("product"), active: current === undefined }, ...lanes.map((l) => ({ href: href(l.dimension), label: l.label, active: current === l.dimension }))]}
      />
    </div>
  );
}
