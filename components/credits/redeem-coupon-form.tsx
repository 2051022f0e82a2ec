"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatAmount } from "@/lib/kernel/money/format";
import { assetName } from "@/lib/kernel/i18n/asset-name";
import { primaryButton } from "@/components/ui/button-styles";
import { useRedeemCoupon, type RedeemResult } from "@/lib/workflows/queries/credits";

function useSuccessText(): (r: RedeemResult, locale: string) => string {
  const t = useTranslations("credits");
  return (r, locale) => {
    if (r.kind === "credit_grant") {
      const amount = r.asset_display ? formatAmount(String(r.amount ?? 0), r.asset_display, locale) : String(r.amount);
      return t("redeemedCredit", { amount, asset: r.asset_display ? assetName(r.asset_display, locale) : (r.asset ?? "") });
    }
    return t("redeemedBonus", { count: r.top_ups ?? 1, percent: r.percent ?? 0 });
  };
}

/** A coupon code box; the server's reason (expired, already redeemed…) shows under the field. */
export function RedeemCouponForm({ locale }: { locale: string }) {
  const id = useId();
  const [code, setCode] = useState("");
  const redeem = useRedeemCoupon();
  const t = useTranslations("credits");
  const successText = useSuccessText();
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (code.trim()) redeem.mutate(code.trim(), { onSuccess: () => setCode("") });
      }}
    >
      <div>
        <label htmlFor={`${id}-code`} className="block text-sm font-medium">{t("couponCode")}</label>
        <input
          id={`${id}-code`}
          name="code"
          autoComplete="off"
          autoCapitalize="characters"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-invalid={redeem.isError}
          aria-describedby={`${id}-result`}
          className="mt-1 w-56 rounded-lg border border-line bg-surface px-3 py-2"
        />
      </div>
      <button type="submit" disabled={!code.trim() || redeem.isPending} className={primaryButton}>
        {redeem.isPending ? t("redeeming") : t("redeem")}
      </button>
      <p id={`${id}-result`} role="status" aria-live="polite" className={`w-full text-sm ${redeem.isError ? "text-danger" : "text-fg-muted"}`} data-testid="redeem-result">
        {redeem.isError ? redeem.error.message : redeem.data ? successText(redeem.data, locale) : ""}
      </p>
    </form>
  );
}
