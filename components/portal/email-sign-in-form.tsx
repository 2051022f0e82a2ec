import { useTranslations } from "next-intl";
import { primaryButton } from "@/components/ui/button-styles";

/** Asks for a sign-in link by email: a plain form that works without JavaScript; the answer never says whether the address is known. */
export function EmailSignInForm({ form }: { form: { platformId: string; psig: string } | null }) {
  const t = useTranslations("signInEmail");
  if (!form) return null;
  return (
    <form method="post" action="/api/sign-in/email" className="space-y-2 border-t border-line pt-4" data-testid="email-sign-in">
      <input type="hidden" name="platform" value={form.platformId} />
      <input type="hidden" name="psig" value={form.psig} />
      <label htmlFor="sign-in-email" className="block font-medium text-fg">
        {t("label")}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="sign-in-email" name="email" type="email" required autoComplete="email" maxLength={320} placeholder={t("placeholder")}
          className="h-10 w-full min-w-0 rounded-md border border-line bg-surface px-3 text-fg placeholder:text-fg-muted sm:flex-1"
        />
        <button type="submit" className={primaryButton}>
          {t("submit")}
        </button>
      </div>
    </form>
  );
}
