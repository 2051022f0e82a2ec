import { useTranslations } from "next-intl";

export interface NavItem {
  href: string;
  label: string;
}

/** The portal's sections, named in the reader's language. */
export function useNavItems(): NavItem[] {
  const t = useTranslations("nav");
  return [
    { href: "/", label: t("overview") },
    { href: "/usage", label: t("usage") },
    { href: "/spend", label: t("spend") },
    { href: "/budget", label: t("budget") },
    { href: "/transactions", label: t("transactions") },
    { href: "/plan", label: t("plan") },
    { href: "/credits", label: t("credits") },
    { href: "/top-up", label: t("topUp") },
    { href: "/auto-top-up", label: t("autoTopUp") },
    { href: "/payment-methods", label: t("paymentMethods") },
    { href: "/orders", label: t("orders") },
    { href: "/billing-details", label: t("billingDetails") },
    { href: "/notifications", label: t("notifications") },
  ];
}
