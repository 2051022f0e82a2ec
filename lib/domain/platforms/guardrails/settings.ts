import { z } from "zod";
import { dec, type Decimal } from "@/lib/kernel/money";
import type { GuardrailSettingsInput } from "./settings-schema";

type Period = "day" | "week" | "month";

/** What customers' budgets default to and may be, and which assets' holds may not overdraw (docs/guardrails.md). */
export interface GuardrailSettings {
  budgets: { customerEditable: boolean; defaultPeriod: Period; defaultThresholds: number[]; defaultHardStop: boolean; maxLimit: Decimal | null };
  holds: { noOverdraftAssets: string[] };
}

export const DEFAULT_GUARDRAILS: GuardrailSettings = {
  budgets: { customerEditable: true, defaultPeriod: "month", defaultThresholds: [50, 80, 100], defaultHardStop: false, maxLimit: null },
  holds: { noOverdraftAssets: [] },
};

export function guardrailsFromInput(input: GuardrailSettingsInput | undefined): GuardrailSettings {
  const d = DEFAULT_GUARDRAILS.budgets;
  const b = input?.budgets;
  return {
    budgets: {
      customerEditable: b?.customer_editable ?? d.customerEditable,
      defaultPeriod: b?.default_period ?? d.defaultPeriod,
      defaultThresholds: [...(b?.default_thresholds ?? d.defaultThresholds)].sort((x, y) => x - y),
      defaultHardStop: b?.default_hard_stop ?? d.defaultHardStop,
      maxLimit: b?.max_limit ?? null,
    },
    holds: { noOverdraftAssets: [...new Set(input?.holds?.no_overdraft_assets ?? [])] },
  };
}

/** As the API shows them; stored the same way with the limit as a decimal string. */
export function serializeGuardrails(s: GuardrailSettings) {
  const b = s.budgets;
  return {
    guardrails: {
      budgets: { customer_editable: b.customerEditable, default_period: b.defaultPeriod, default_thresholds: b.defaultThresholds, default_hard_stop: b.defaultHardStop, max_limit: b.maxLimit },
      holds: { no_overdraft_assets: s.holds.noOverdraftAssets },
    },
  };
}

export function storedGuardrails(s: GuardrailSettings) {
  const out = serializeGuardrails(s);
  return { guardrails: { ...out.guardrails, budgets: { ...out.guardrails.budgets, max_limit: s.budgets.maxLimit?.toString() ?? null } } };
}

const storedSchema = z.object({
  budgets: z.object({
    customer_editable: z.boolean(),
    default_period: z.enum(["day", "week", "month"]),
    default_thresholds: z.array(z.number().int()),
    default_hard_stop: z.boolean(),
    max_limit: z.string().nullable(),
  }),
  holds: z.object({ no_overdraft_assets: z.array(z.string()) }),
});

/** Stored settings read back; a platform that never set them gets the defaults. */
export function readGuardrails(stored: Record<string, unknown>): GuardrailSettings {
  const parsed = storedSchema.safeParse(stored.guardrails);
  if (!parsed.success) return DEFAULT_GUARDRAILS;
  const { budgets: b, holds } = parsed.data;
  return {
    budgets: { customerEditable: b.customer_editable, defaultPeriod: b.default_period, defaultThresholds: b.default_thresholds, defaultHardStop: b.default_hard_stop, maxLimit: b.max_limit === null ? null : dec(b.max_limit) },
    holds: { noOverdraftAssets: holds.no_overdraft_assets },
  };
}
