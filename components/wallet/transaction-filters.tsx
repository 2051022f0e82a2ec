"use client";

import { usePathname, useRouter } from "next/navigation";
import { Select } from "@/components/ui/select";
import { secondaryButton } from "@/components/ui/button-styles";

export interface FilterOption {
  value: string;
  label: string;
}

interface Props {
  months: FilterOption[];
  assets: FilterOption[];
  categories: FilterOption[];
  current: { month?: string; asset?: string; category?: string };
}

/** A plain GET form (works without JavaScript); with it, each change applies at once. */
export function TransactionFilters({ months, assets, categories, current }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  function apply(form: HTMLFormElement) {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (typeof v === "string" && v) params.set(k, v);
    router.replace(params.size ? `${pathname}?${params.toString()}` : pathname, { scroll: false });
  }
  return (
    <form
      method="get"
      className="flex flex-wrap items-end gap-3"
      onChange={(e) => apply(e.currentTarget)}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
      aria-label="Filter transactions"
    >
      <Select label="Month" id="filter-month" name="month" defaultValue={current.month ?? ""}>
        <option value="">All time</option>
        {months.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </Select>
      <Select label="Balance" id="filter-asset" name="asset" defaultValue={current.asset ?? ""}>
        <option value="">All balances</option>
        {assets.map((a) => (
          <option key={a.value} value={a.value}>
            {a.label}
          </option>
        ))}
      </Select>
      <Select label="Type" id="filter-category" name="category" defaultValue={current.category ?? ""}>
        <option value="">All types</option>
        {categories.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </Select>
      <noscript>
        <button type="submit" className={secondaryButton}>
          Apply
        </button>
      </noscript>
    </form>
  );
}
