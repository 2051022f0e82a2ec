import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/card";

// Something inside the portal that does not exist or is not this customer's (an order, a top-up): the
// portal stays around it, with a way on.
export default async function PortalNotFound() {
  const t = await getTranslations("standalone");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("portalNotFoundHeading")}</h1>
      <EmptyState title={t("portalNotFoundText")}>
        <p className="mt-2 flex flex-wrap justify-center gap-4" data-testid="way-back">
          <Link className="font-medium text-brand-text underline" href="/orders">{t("seeOrders")}</Link>
          <Link className="font-medium text-brand-text underline" href="/">{t("goToOverview")}</Link>
        </p>
      </EmptyState>
    </div>
  );
}
