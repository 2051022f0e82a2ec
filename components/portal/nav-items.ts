export interface NavItem {
  href: string;
  /** The message key under `nav` in messages/<locale>.json. */
  key: "overview" | "usage" | "spend" | "transactions" | "plan" | "credits" | "topUp" | "autoTopUp" | "paymentMethods" | "orders" | "billingDetails";
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/", key: "overview" },
  { href: "/usage", key: "usage" },
  { href: "/spend", key: "spend" },
  { href: "/transactions", key: "transactions" },
  { href: "/plan", key: "plan" },
  { href: "/credits", key: "credits" },
  { href: "/top-up", key: "topUp" },
  { href: "/auto-top-up", key: "autoTopUp" },
  { href: "/payment-methods", key: "paymentMethods" },
  { href: "/orders", key: "orders" },
  { href: "/billing-details", key: "billingDetails" },
];
