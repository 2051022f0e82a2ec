import { assetName } from "@/lib/kernel/i18n/asset-name";
import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import { getTranslations } from "next-intl/server";
import { formatMonth } from "@/lib/kernel/format/dates";
import { secondaryButton } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/card";
import { TransactionFilters } from "@/components/wallet/transaction-filters";
import { TransactionsTable } from "@/components/wallet/transactions-table";
import { now } from "@/lib/kernel/clock";
import { monthsBetween } from "@/lib/workflows/portal/months";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { searchOf, transactionKeys } from "@/lib/workflows/queries/keys";
import { assetDisplay, listBalances } from "@/lib/domain/wallet/balances";
import { CATEGORY_GROUPS } from "@/lib/domain/wallet/categories";
import { transactionFiltersSchema } from "@/lib/workflows/wallet/transactions/filters";
import { listTransactions } from "@/lib/workflows/wallet/transactions/list-transactions";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("transactions");

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function TransactionsPage({ searchParams }: { searchParams: Search }) {
  const ctx = await getPortalContext();
  const raw = await searchParams;
  const filters = transactionFiltersSchema.parse({ month: raw.month, asset: raw.asset, category: raw.category });
  const query = { month: filters.month, asset: filters.asset, category: filters.category };
  const client = new QueryClient();
  const [balances] = await Promise.all([
    listBalances(ctx.readDb, ctx.scope),
    client.prefetchInfiniteQuery({
      queryKey: transactionKeys.list(query),
      queryFn: () => listTransactions(ctx.readDb, ctx.scope, filters, ctx.timeZone),
      initialPageParam: null as string | null,
    }),
  ]);
  const assets = Object.fromEntries(balances.map((b) => [b.asset.code, assetDisplay(b.asset)]));
  const months = monthsBetween(ctx.customer.createdAt, now(), ctx.timeZone).map((m) => ({ value: m, label: formatMonth(m, ctx.locale) }));
  const [t, titles] = await Promise.all([getTranslations("transactions"), getTranslations("titles")]);
  const exportHref = `/api/portal/transactions/export?${searchOf(query)}`;
  return (
    <div className="space-y-6">
      <PageHeader
        title={titles("transactions")}
        description={t("description")}
        actions={
          <a href={exportHref} download className={secondaryButton} data-testid="export-csv">
            {t("exportCsv")}
          </a>
        }
      />
      <TransactionFilters
        months={months}
        assets={balances.map((b) => ({ value: b.asset.code, label: assetName(b.asset, ctx.locale) }))}
        categories={Object.keys(CATEGORY_GROUPS).map((value) => ({ value, label: t("group", { group: value }) }))}
        current={query}
      />
      <HydrationBoundary state={dehydrate(client)}>
        <TransactionsTable
          key={searchOf(query)}
          query={query}
          assets={assets}
          locale={ctx.locale}
          timeZone={ctx.timeZone}
          filtered={Boolean(query.month || query.asset || query.category)}
        />
      </HydrationBoundary>
    </div>
  );
}
