import type { Decimal } from "@/lib/kernel/money";
import type { ProductFee } from "@/lib/domain/pricing";
import { DEFAULT_ACCOUNT, formatAccountId } from "@/lib/domain/wallet/account-id";

/** A fee from rating or from the event_fees table, in one shape for serialization. */
export interface FeeView {
  amount: Decimal;
  asset: string;
  accountName: string;
  product: { id: string; code: string; name: string; version: number };
  priceId: string;
  priceName: string;
  dimensions: Record<string, string>;
  quantity: Decimal;
  unitPrice: Decimal | null;
  volumeRate: Decimal | null;
  packageSize: Decimal | null;
}

export function feeViewOf(fee: ProductFee, accountName = DEFAULT_ACCOUNT): FeeView {
  return { ...fee, accountName };
}

/** A fee as the API shows it: enough for a customer to see exactly how the amount was computed. */
export function serializeFee(fee: FeeView) {
  return {
    amount: fee.amount,
    asset: fee.asset,
    account_id: formatAccountId(fee.accountName, fee.asset),
    product: { id: fee.product.id, code: fee.product.code, name: fee.product.name },
    product_version: fee.product.version,
    price_id: fee.priceId,
    price_name: fee.priceName,
    dimensions: fee.dimensions,
    quantity: fee.quantity,
    rate: { unit_price: fee.unitPrice, volume_rate: fee.volumeRate, package_size: fee.packageSize },
  };
}
