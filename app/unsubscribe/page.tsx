import type { Metadata } from "next";
import { StandalonePage } from "@/components/portal/standalone-page";
import { primaryButton } from "@/components/ui/button-styles";
import { getDb } from "@/lib/kernel/db";
import { unsubscribeTarget } from "@/lib/domain/notifications/unsubscribe";

export const metadata: Metadata = { title: "Email preferences" };

const KIND_NAMES: Record<string, string> = {
  auto_top_up_succeeded: "automatic top-up confirmations",
  low_balance: "low balance alerts",
  credits_expiring: "credit expiry reminders",
  plan_ending: "plan ending notices",
};

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token.slice(0, 600) : "";
  const target = await unsubscribeTarget(await getDb(), token);
  if (!target) {
    return (
      <StandalonePage branding={null} title="This link isn’t valid">
        <p>The unsubscribe link could not be read. Open billing and use the Notifications page to choose your emails.</p>
      </StandalonePage>
    );
  }
  const name = KIND_NAMES[target.kind] ?? "these emails";
  if (params.done === "1") {
    return (
      <StandalonePage branding={target.branding} title="You’re unsubscribed">
        <p>You will no longer receive {name}. Receipts and payment problems are still sent. You can turn them back on under Notifications in billing.</p>
      </StandalonePage>
    );
  }
  return (
    <StandalonePage branding={target.branding} title="Unsubscribe">
      <p>Stop receiving {name}{target.branding ? ` from ${target.branding.name}` : ""}?</p>
      <form method="post" action={`/api/email/unsubscribe?token=${encodeURIComponent(token)}`}>
        <button type="submit" className={primaryButton}>
          Unsubscribe
        </button>
      </form>
    </StandalonePage>
  );
}
