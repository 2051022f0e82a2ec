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
export function TransactionFilters({ months, assets, categories, current }: Props) {
  return (
    <FilterForm label="Filter transactions">
      <OptionSelect label="Month" id="filter-month" name="month" all="All time" options={months} value={current.month} />
      <OptionSelect label="Balance" id="filter-asset" name="asset" all="All balances" options={assets} value={current.asset} />
      <OptionSelect label="Type" id="filter-category" name="category" all="All types" options={categories} value={current.category} />
    </FilterForm>
  );
}
