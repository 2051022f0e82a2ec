import { useTranslations } from "next-intl";

const BRANDS: Record<string, string> = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover" };

function brandName(brand: string): string {
  return BRANDS[brand] ?? brand.charAt(0).toUpperCase() + brand.slice(1);
}

/** "Visa ending 4242", in the reader's language. */
export function useCardLabel(): (card: { brand: string; last4: string }) => string {
  const t = useTranslations("payments");
  return (card) => t("cardLabel", { brand: brandName(card.brand), last4: card.last4 });
}
