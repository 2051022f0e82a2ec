import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound, redirect } from "next/navigation";
import { isValidPathParam } from "@/lib/http/parse";
import { AppError, NotFoundError } from "@/lib/kernel/errors";
import { ensureCheckout } from "@/lib/domain/payments/top-ups/checkout";
import { effectiveStatus, getCustomerTopUpOrThrow } from "@/lib/domain/payments/top-ups/store";
import { getPortalContext } from "@/lib/workflows/portal/portal-context";

// Where a platform-initiated top-up's sign-in link lands: straight on to Checkout while it can be paid.
export default async function TopUpCheckoutPage({ params }: { params: Promise<{ topUpId: string }> }) {
  const ctx = await getPortalContext();
  const { topUpId } = await params;
  if (!isValidPathParam(topUpId)) notFound();
  const topUp = await getCustomerTopUpOrThrow(ctx.db, ctx.scope, topUpId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (effectiveStatus(topUp) !== "initiated" || topUp.origin === "auto") redirect(`/top-up/${topUp.id}`);
  let url: string;
  try {
    url = await ensureCheckout(ctx.db, topUp);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const t = await getTranslations("topUp");
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("checkoutFailed")}</h1>
        <p role="alert" className="text-fg-muted">{t("checkoutFailedText", { reason: error.message })}</p>
        <Link href={`/top-up/checkout/${topUp.id}`} className="inline-block rounded-lg bg-brand px-4 py-2 font-medium text-brand-fg">{t("tryAgainLink")}</Link>
      </div>
    );
  }
  redirect(url);
}
