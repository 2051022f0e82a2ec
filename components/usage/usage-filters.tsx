import { getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/ui/filter-form";
import { Select } from "@/components/ui/select";
import type { SpendLane } from "@/lib/domain/platforms/spend-lanes";
import type { UsageQuery } from "@/lib/workflows/queries/keys";

interface Props {
  products: { id: string; name: string }[];
  current: UsageQuery & { by?: string };
  /** The lanes the platform made visible: offered as "Break down by". */
  lanes: SpendLane[];
}

const input = "h-10 rounded-md border border-line bg-surface-raised px-3 text-sm text-fg";

/** Date range (in the customer's own days), product and lane breakdown; a lane filter in force rides along. */
export async function UsageFilters({ products, current, lanes }: Props) {
  const [t, lanesT] = await Promise.all([getTranslations("usage"), getTranslations("lanes")]);
  return (
    <FilterForm label={t("filters")}>
      <div className="flex flex-col gap-1">
        <label htmlFor="usage-from" className="text-xs font-medium text-fg-muted">{t("from")}</label>
        <input id="usage-from" name="from" type="date" defaultValue={current.from} className={input} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="usage-to" className="text-xs font-medium text-fg-muted">{t("to")}</label>
        <input id="usage-to" name="to" type="date" defaultValue={current.to} className={input} />
      </div>
      <Select label={t("product")} id="usage-product" name="product" defaultValue={current.product ?? ""}>
        <option value="">{t("allProducts")}</option>
        {products.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      {lanes.length > 0 && (
        <Select label={lanesT("breakDownBy")} id="usage-by" name="by" defaultValue={current.by ?? ""}>
          <option value="">{lanesT("nothing")}</option>
          {lanes.map((l) => (
            <option key={l.dimension} value={l.dimension}>
              {l.label}
            </option>
          ))}
        </Select>
      )}
      {current.lane && current.lane_value !== undefined && (
        <>
          <input type="hidden" name="lane" value={current.lane} />
          <input type="hidden" name="lane_value" value={current.lane_value} />
        </>
      )}
    </FilterForm>
  );
}
