import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/lib/kernel/db";
import { platforms } from "@/lib/kernel/db/schema";
import { DEFAULT_INVOICING, invoicingFromInput, readInvoicing, serializeInvoicing, storedInvoicing, type InvoicingSettings } from "@/lib/domain/platforms/invoicing/settings";
import { Decimal, dec } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type SupportedLocale } from "@/lib/kernel/i18n/locales";
import { getPlatformOrThrow } from "./get-platform";
import type { PlatformSettingsInput } from "./settings-schema";

/** Limits the portal applies to what customers pay, and the caps on automatic charges. */
export interface PlatformSettings {
  /** What custom assets are bought with in the portal. */
  currency: string;
  topUp: { minAmount: Decimal; maxAmount: Decimal; presets: Decimal[] };
  autoTopUp: { maxChargesPerDay: number };
  /** Seller details, invoice numbering and tax. */
  invoicing: InvoicingSettings;
  /** The portal's language when neither the session, the customer nor the browser picks a supported one. */
  defaultLocale: SupportedLocale;
}

export const DEFAULT_SETTINGS: PlatformSettings = {
  currency: "USD",
  topUp: { minAmount: dec("5"), maxAmount: dec("1000"), presets: ["10", "25", "50", "100"].map(dec) },
  autoTopUp: { maxChargesPerDay: 5 },
  invoicing: DEFAULT_INVOICING,
  defaultLocale: DEFAULT_LOCALE,
};

// Stored as decimal strings: jsonb numbers would pass through floats on the way back.
const storedSchema = z.object({
  currency: z.string(),
  top_up: z.object({ min_amount: z.string(), max_amount: z.string(), presets: z.array(z.string()) }),
  auto_top_up: z.object({ max_charges_per_day: z.number().int() }),
  default_locale: z.enum(SUPPORTED_LOCALES).catch(DEFAULT_LOCALE).default(DEFAULT_LOCALE),
});

/** Stored settings read back; anything missing or unreadable takes the default. */
export function readSettings(stored: Record<string, unknown>): PlatformSettings {
  const parsed = storedSchema.safeParse(stored);
  if (!parsed.success) return DEFAULT_SETTINGS;
  const s = parsed.data;
  return {
    currency: s.currency,
    topUp: { minAmount: dec(s.top_up.min_amount), maxAmount: dec(s.top_up.max_amount), presets: s.top_up.presets.map(dec) },
    autoTopUp: { maxChargesPerDay: s.auto_top_up.max_charges_per_day },
    invoicing: readInvoicing(stored),
    defaultLocale: s.default_locale,
  };
}

export function serializeSettings(s: PlatformSettings) {
  return {
    currency: s.currency,
    top_up: { min_amount: s.topUp.minAmount, max_amount: s.topUp.maxAmount, presets: s.topUp.presets },
    auto_top_up: { max_charges_per_day: s.autoTopUp.maxChargesPerDay },
    ...serializeInvoicing(s.invoicing),
    default_locale: s.defaultLocale,
  };
}

/** @throws NotFoundError */
export async function getPlatformSettings(db: DbOrTx, scope: PlatformScope): Promise<PlatformSettings> {
  return readSettings((await getPlatformOrThrow(db, scope.platformId)).settings);
}

/** Replaces the settings; parts the input leaves out return to their defaults. @throws NotFoundError */
export async function replacePlatformSettings(db: DbOrTx, scope: PlatformScope, input: PlatformSettingsInput): Promise<PlatformSettings> {
  await getPlatformOrThrow(db, scope.platformId);
  const d = DEFAULT_SETTINGS;
  const settings: PlatformSettings = {
    currency: input.currency ?? d.currency,
    topUp: {
      minAmount: input.top_up?.min_amount ?? d.topUp.minAmount,
      maxAmount: input.top_up?.max_amount ?? d.topUp.maxAmount,
      presets: [],
    },
    autoTopUp: { maxChargesPerDay: input.auto_top_up?.max_charges_per_day ?? d.autoTopUp.maxChargesPerDay },
    invoicing: invoicingFromInput(input),
    defaultLocale: input.default_locale ?? d.defaultLocale,
  };
  const { minAmount, maxAmount } = settings.topUp;
  settings.topUp.presets = input.top_up?.presets ?? d.topUp.presets.filter((p) => p.gte(minAmount) && p.lte(maxAmount));
  const stored = {
    currency: settings.currency,
    top_up: {
      min_amount: settings.topUp.minAmount.toString(),
      max_amount: settings.topUp.maxAmount.toString(),
      presets: settings.topUp.presets.map((p) => p.toString()),
    },
    auto_top_up: { max_charges_per_day: settings.autoTopUp.maxChargesPerDay },
    ...storedInvoicing(settings.invoicing),
    default_locale: settings.defaultLocale,
  };
  await db.update(platforms).set({ settings: stored }).where(eq(platforms.id, scope.platformId));
  return settings;
}
