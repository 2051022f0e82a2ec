import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StandalonePage } from "@/components/portal/standalone-page";
import { primaryButton } from "@/components/ui/button-styles";
import { getDb } from "@/lib/kernel/db";
import { unsubscribeTarget } from "@/lib/domain/notifications/unsubscribe";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("unsubscribe");
  return { title: t("metaTitle") };
}

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token.slice(0, 600) : "";
  const target = await unsubscribeTarget(await getDb(), token);
  const t = await getTranslations("unsubscribe");
  if (!target) {
    return (
      <StandalonePage branding={null} title={t("invalidTitle")}>
        <p>{t("invalidText")}</p>
      </StandalonePage>
    );
  }
  if (params.done === "1") {
    return (
      <StandalonePage branding={target.branding} title={t("doneTitle")}>
        <p>{t("doneText", { kind: target.kind })}</p>
      </StandalonePage>
    );
  }
  return (
    <StandalonePage branding={target.branding} title={t("confirmTitle")}>
      <p>{target.branding ? t("confirmFrom", { kind: target.kind, platform: target.branding.name }) : t("confirm", { kind: target.kind })}</p>
      <form method="post" action={`/api/email/unsubscribe?token=${encodeURIComponent(token)}`}>
        <button type="submit" className={primaryButton}>
          {t("button")}
        </button>
      </form>
    </StandalonePage>
  );
}
