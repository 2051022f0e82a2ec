export interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Overview" },
  { href: "/usage", label: "Usage" },
  { href: "/spend", label: "Spending" },
  { href: "/budget", label: "Budget" },
  { href: "/transactions", label: "Transactions" },
  { href: "/plan", label: "Plan" },
  { href: "/credits", label: "Credits" },
  { href: "/top-up", label: "Top up" },
  { href: "/auto-top-up", label: "Auto top-up" },
  { href: "/payment-methods", label: "Payment methods" },
  { href: "/orders", label: "Orders" },
  { href: "/billing-details", label: "Billing details" },
  { href: "/notifications", label: "Notifications" },
];
