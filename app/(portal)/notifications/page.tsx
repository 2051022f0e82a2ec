import type { Metadata } from "next";
import { NotificationsForm } from "@/components/notifications/notifications-form";
import { Card, PageHeader } from "@/components/ui/card";
import { getEmailPreferences } from "@/lib/domain/notifications/preferences";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const ctx = await getPortalContext();
  const preferences = await getEmailPreferences(ctx.db, ctx.scope);
  return (
    <div className="space-y-6">
      <PageHeader title="Notifications" description="Choose which emails you get. Receipts and problems with a payment are always sent." />
      <Card className="p-4 sm:p-6">
        <NotificationsForm preferences={preferences} />
      </Card>
    </div>
  );
}
