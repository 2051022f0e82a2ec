"use client";

import { usePathname, useRouter } from "next/navigation";
import { secondaryButton } from "@/components/ui/button-styles";
import { Select } from "@/components/ui/select";
import type { UsageQuery } from "@/lib/queries/keys";

interface Props {
  products: { id: string; name: string }[];
  current: UsageQuery;
}

const input = "h-10 rounded-md border border-line bg-surface-raised px-3 text-sm text-fg";

/** Date range (in the customer's own days) and product; a GET form that applies on change. */
export function UsageFilters({ products, current }: Props) {
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
      aria-label="Filter usage"
      className="flex flex-wrap items-end gap-3"
      onChange={(e) => apply(e.currentTarget)}
      onSubmit={(e) => {
        e.preventDefault();
        apply(e.currentTarget);
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="usage-from" className="text-xs font-medium text-fg-muted">From</label>
        <input id="usage-from" name="from" type="date" defaultValue={current.from} className={input} />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="usage-to" className="text-xs font-medium text-fg-muted">To</label>
        <input id="usage-to" name="to" type="date" defaultValue={current.to} className={input} />
      </div>
      <Select label="Product" id="usage-product" name="product" defaultValue={current.product ?? ""}>
        <option value="">All products</option>
        {products.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </Select>
      <noscript>
        <button type="submit" className={secondaryButton}>Apply</button>
      </noscript>
    </form>
  );
}
