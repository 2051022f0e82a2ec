import { notFound, redirect } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { ensureCheckout } from "@/lib/payments/top-ups/checkout";
import { effectiveStatus, getCustomerTopUpOrThrow } from "@/lib/payments/top-ups/store";
import { getPortalContext } from "@/lib/portal/portal-context";

// Where a platform-initiated top-up's sign-in link lands: straight on to Checkout while it can be paid.
export default async function TopUpCheckoutPage({ params }: { params: Promise<{ topUpId: string }> }) {
  const ctx = await getPortalContext();
  const { topUpId } = await params;
  const topUp = await getCustomerTopUpOrThrow(ctx.db, ctx.scope, topUpId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (effectiveStatus(topUp) !== "initiated" || topUp.origin === "auto") redirect(`/top-up/${topUp.id}`);
  redirect(await ensureCheckout(ctx.db, topUp));
}
