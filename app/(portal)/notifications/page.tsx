import { getTranslations } from "next-intl/server";
import { NotificationsForm } from "@/components/notifications/notifications-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getEmailPreferences } from "@/lib/domain/notifications/preferences";
import { pageTitle } from "@/components/portal/page-title";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";

export const generateMetadata = pageTitle("notifications");

export default async function NotificationsPage() {
  const ctx = await getPortalContext();
  const preferences = await getEmailPreferences(ctx.db, ctx.scope);
  const [t, titles] = await Promise.all([getTranslations("notifications"), getTranslations("titles")]);
  return (
    <div className="space-y-6">
      <PageHeader title={titles("notifications")} description={t("description")} />
      <Card className="p-4 sm:p-6">
        <NotificationsForm preferences={preferences} />
      </Card>
    </div>
  );
}
