import type { Decimal } from "@/lib/kernel/money";

export interface AssetRate {
  source: string;
  /** Fiat price of one unit. */
  rate: Decimal | null;
  /** Units per one fiat unit. Exactly one of rate and inverseRate is set. */
  inverseRate: Decimal | null;
  effectiveAt: Date;
}

export interface Asset {
  code: string;
  name: string;
  precision: number;
  symbol: string | null;
  label: string | null;
  /** The name per portal locale, where the platform gave one. */
  names: Record<string, string>;
  kind: "fiat" | "custom";
  /** All rates, default source first, each source's rates newest first. */
  rates: AssetRate[];
  createdAt: Date | null;
}
