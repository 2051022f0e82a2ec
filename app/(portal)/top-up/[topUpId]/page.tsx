import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";
import { notFound } from "next/navigation";
import { TopUpStatus } from "@/components/payments/top-up-status";
import { isValidPathParam } from "@/lib/http/parse";
import { NotFoundError } from "@/lib/kernel/errors";
import { getTopUpView } from "@/lib/domain/payments/top-ups/portal-view";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";
import { pageTitle } from "@/components/portal/page-title";

export const generateMetadata = pageTitle("topUpStatus");

export default async function TopUpStatusPage({ params, searchParams }: { params: Promise<{ topUpId: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await getPortalContext();
  const [{ topUpId }, query] = await Promise.all([params, searchParams]);
  if (!isValidPathParam(topUpId)) notFound();
  const view = await getTopUpView(ctx.db, ctx.scope, topUpId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const t = await getTranslations("topUp");
  return (
    <div className="space-y-6">
      <PageHeader title={view.origin === "auto" ? t("automaticTitle") : t("title")} />
      <TopUpStatus initial={view} cancelled={query.cancelled === "1"} locale={ctx.locale} timeZone={ctx.timeZone} />
    </div>
  );
}
