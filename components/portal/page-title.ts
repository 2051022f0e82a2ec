import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type TitleKey = "usage" | "spend" | "transactions" | "plan" | "credits" | "topUp" | "topUpStatus" | "autoTopUp" | "paymentMethods" | "orders" | "order" | "invoice" | "billingDetails" | "budget" | "notifications";

/** A page's `generateMetadata`: its title in the reader's language (the portal layout adds the platform). */
export function pageTitle(key: TitleKey): () => Promise<Metadata> {
  return async () => ({ title: (await getTranslations("titles"))(key) });
}
