import { primaryButton } from "@/components/ui/button-styles";

/** Asks for a sign-in link by email: a plain form that works without JavaScript; the answer never says whether the address is known. */
export function EmailSignInForm({ form }: { form: { platformId: string; psig: string } | null }) {
  if (!form) return null;
  return (
    <form method="post" action="/api/sign-in/email" className="space-y-2 border-t border-line pt-4" data-testid="email-sign-in">
      <input type="hidden" name="platform" value={form.platformId} />
      <input type="hidden" name="psig" value={form.psig} />
      <label htmlFor="sign-in-email" className="block font-medium text-fg">
        Or get a sign-in link by email
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="sign-in-email" name="email" type="email" required autoComplete="email" maxLength={320} placeholder="you@example.com"
          className="h-10 w-full min-w-0 rounded-md border border-line bg-surface px-3 text-fg placeholder:text-fg-muted sm:flex-1"
        />
        <button type="submit" className={primaryButton}>
          Email me a link
        </button>
      </div>
    </form>
  );
}
