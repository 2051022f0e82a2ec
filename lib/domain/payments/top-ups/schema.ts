import { localeChoiceField } from "@/lib/domain/portal-sessions/session-schema";
import { z } from "zod";
import { assetCodeField, decimalField, idField, metadataField, optionalText, patternField, timestampField, urlField } from "@/lib/kernel/fields/fields";
import { pageQuery } from "@/lib/kernel/fields/pagination";
import { fiatCurrencyField } from "@/lib/kernel/fields/fields";
import { ACCOUNT_NAME } from "@/lib/domain/wallet/account-id";

const accountName = () => patternField(ACCOUNT_NAME, "Letters, digits, '-' and '_' (at most 40).", 40);

/** POST /top-ups (Credyt's shape). `destination.exchange_rate` is units of the asset per one unit of `currency`. */
export const createTopUpSchema = z.strictObject({
  customer_id: idField(100),
  amount: decimalField({ positive: true }),
  currency: fiatCurrencyField(),
  description: optionalText(500),
  destination: z
    .strictObject({
      account_name: accountName().optional(),
      asset: assetCodeField(),
      exchange_rate: decimalField({ positive: true }).optional(),
    })
    .optional(),
  credit_expires_at: timestampField().nullish(),
  return_url: urlField().nullish(),
  failure_url: urlField().nullish(),
  locale: localeChoiceField(),
  metadata: metadataField(),
});

export const listTopUpsQuerySchema = z.strictObject({ ...pageQuery, customer_id: idField(100).optional() });

/** POST /api/portal/top-ups: exactly one of `amount` (money) or `units` (of a custom asset). */
export const portalTopUpSchema = z
  .strictObject({
    account_id: idField(70),
    amount: decimalField({ positive: true }).optional(),
    units: decimalField({ positive: true }).optional(),
  })
  .refine((v) => (v.amount === undefined) !== (v.units === undefined), { message: "Give either an amount or a number of units.", path: ["amount"] });

export type CreateTopUpInput = z.output<typeof createTopUpSchema>;
export type PortalTopUpInput = z.output<typeof portalTopUpSchema>;
