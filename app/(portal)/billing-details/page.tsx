import { getTranslations } from "next-intl/server";
import { BillingDetailsForm } from "@/components/invoices/billing-details-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getBillingDetails } from "@/lib/domain/customers/billing-details";
import { countryOptions } from "@/lib/domain/platforms/invoicing/countries";
import { TAX_ID_TYPES } from "@/lib/domain/platforms/invoicing/tax-ids";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("billingDetails");

/** Only a page of the portal itself may follow a save. */
const safeNext = (next: string | string[] | undefined) => (typeof next === "string" && /^\/[a-z-]*$/.test(next) ? next : null);

export default async function BillingDetailsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await getPortalContext();
  const [details, params] = await Promise.all([getBillingDetails(ctx.db, ctx.scope), searchParams]);
  const next = safeNext(params.next);
  const [t, titles] = await Promise.all([getTranslations("billingDetails"), getTranslations("titles")]);
  return (
    <div className="space-y-6">
      <PageHeader title={titles("billingDetails")} description={t("description")} />
      {next && !details && <p className="rounded-lg border border-line bg-surface-sunken px-4 py-3 text-sm">{t("addBeforePaying")}</p>}
      <Card className="p-4 sm:p-6">
        <BillingDetailsForm details={details} countries={countryOptions(ctx.locale)} taxIdTypes={TAX_ID_TYPES} locale={ctx.locale} next={next} />
      </Card>
    </div>
  );
}
