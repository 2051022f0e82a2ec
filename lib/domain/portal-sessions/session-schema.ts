import { z } from "zod";
import { idField, urlField } from "@/lib/kernel/fields/fields";
import { LOCALE_CHOICES } from "@/lib/kernel/i18n/locales";

/** The portal's language for a minted link: a supported locale, or `auto` (the default) to follow the customer. */
export function localeChoiceField() {
  return z
    .enum(LOCALE_CHOICES, { error: `Must be "auto" or one of: ${LOCALE_CHOICES.slice(1).join(", ")}.` })
    .default("auto")
    .meta({
      description:
        "The portal's language. `auto` (default) uses the customer's own choice from the portal's language switcher, then the browser's languages, then the platform's `default_locale`. A locale here wins over all of them for this session.",
    });
}

export const createPortalSessionSchema = z.strictObject({
  customer_id: idField(100),
  return_url: urlField(),
  failure_url: urlField(),
  locale: localeChoiceField(),
});

// The input shape, so callers inside the app may leave `locale` out (it means `auto`).
export type CreatePortalSessionInput = z.input<typeof createPortalSessionSchema>;
