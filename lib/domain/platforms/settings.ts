import { eq } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/lib/kernel/db";
import { platforms } from "@/lib/kernel/db/schema";
import { DEFAULT_INVOICING, invoicingFromInput, readInvoicing, serializeInvoicing, storedInvoicing, type InvoicingSettings } from "@/lib/domain/platforms/invoicing/settings";
import { DEFAULT_GUARDRAILS, guardrailsFromInput, readGuardrails, serializeGuardrails, storedGuardrails, type GuardrailSettings } from "@/lib/domain/platforms/guardrails/settings";
import { Decimal, dec } from "@/lib/kernel/money";
import type { PlatformScope } from "@/lib/kernel/scope";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type SupportedLocale } from "@/lib/kernel/i18n/locales";
import { getPlatformOrThrow } from "./get-platform";
import { DEFAULT_EMAIL_SETTINGS, emailSettingsFromInput, readEmailSettings, serializeEmailSettings, type EmailSettings } from "./email-settings";
import type { PlatformSettingsInput } from "./settings-schema";
import { readSpendLanes, type SpendLane } from "./spend-lanes";

/** Limits the portal applies to what customers pay, and the caps on automatic charges. */
export interface PlatformSettings {
  /** What custom assets are bought with in the portal. */
  currency: string;
  topUp: { minAmount: Decimal; maxAmount: Decimal; presets: Decimal[] };
  autoTopUp: { maxChargesPerDay: number };
  /** Seller details, invoice numbering and tax. */
  invoicing: InvoicingSettings;
  /** Budget defaults and bounds, and overdraft for holds. */
  guardrails: GuardrailSettings;
  /** Usage-event dimensions customers may see spend broken down by. */
  spendLanes: SpendLane[];
  /** Which emails customers get, from whom, in which language by default. */
  emails: EmailSettings;
  /** The portal's language when neither the session, the customer nor the browser picks a supported one. */
  defaultLocale: SupportedLocale;
}

export const DEFAULT_SETTINGS: PlatformSettings = {
  currency: "USD",
  topUp: { minAmount: dec("5"), maxAmount: dec("1000"), presets: ["10", "25", "50", "100"].map(dec) },
  autoTopUp: { maxChargesPerDay: 5 },
  invoicing: DEFAULT_INVOICING,
  guardrails: DEFAULT_GUARDRAILS,
  spendLanes: [],
  emails: DEFAULT_EMAIL_SETTINGS,
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
  if (!parsed.success) return { ...DEFAULT_SETTINGS, spendLanes: readSpendLanes(stored) };
  const s = parsed.data;
  return {
    currency: s.currency,
    topUp: { minAmount: dec(s.top_up.min_amount), maxAmount: dec(s.top_up.max_amount), presets: s.top_up.presets.map(dec) },
    autoTopUp: { maxChargesPerDay: s.auto_top_up.max_charges_per_day },
    invoicing: readInvoicing(stored),
    guardrails: readGuardrails(stored),
    spendLanes: readSpendLanes(stored),
    emails: readEmailSettings(stored),
    defaultLocale: s.default_locale,
  };
}

export function serializeSettings(s: PlatformSettings) {
  return {
    currency: s.currency,
    top_up: { min_amount: s.topUp.minAmount, max_amount: s.topUp.maxAmount, presets: s.topUp.presets },
    auto_top_up: { max_charges_per_day: s.autoTopUp.maxChargesPerDay },
    ...serializeInvoicing(s.invoicing),
    ...serializeGuardrails(s.guardrails),
    spend_lanes: s.spendLanes,
    emails: serializeEmailSettings(s.emails),
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
    guardrails: guardrailsFromInput(input.guardrails),
    spendLanes: input.spend_lanes ?? [],
    emails: emailSettingsFromInput(input.emails),
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
    ...storedGuardrails(settings.guardrails),
    spend_lanes: settings.spendLanes,
    emails: serializeEmailSettings(settings.emails),
    default_locale: settings.defaultLocale,
  };
  await db.update(platforms).set({ settings: stored }).where(eq(platforms.id, scope.platformId));
  return settings;
}
