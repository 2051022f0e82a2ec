import { getTranslations } from "next-intl/server";
import { FilterForm } from "@/components/ui/filter-form";
import { Select } from "@/components/ui/select";

interface FilterOption {
  value: string;
  label: string;
}

interface Props {
  months: FilterOption[];
  assets: FilterOption[];
  categories: FilterOption[];
  current: { month?: string; asset?: string; category?: string };
}

function OptionSelect({ label, id, name, all, options, value }: { label: string; id: string; name: string; all: string; options: FilterOption[]; value?: string }) {
  return (
    <Select label={label} id={id} name={name} defaultValue={value ?? ""}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </Select>
  );
}

/** Month (in the customer's timezone), balance and type. */
export async function TransactionFilters({ months, assets, categories, current }: Props) {
  const t = await getTranslations("transactions");
  return (
    <FilterForm label={t("filters")}>
      <OptionSelect label={t("month")} id="filter-month" name="month" all={t("allTime")} options={months} value={current.month} />
      <OptionSelect label={t("balance")} id="filter-asset" name="asset" all={t("allBalances")} options={assets} value={current.asset} />
      <OptionSelect label={t("type")} id="filter-category" name="category" all={t("allTypes")} options={categories} value={current.category} />
    </FilterForm>
  );
}
