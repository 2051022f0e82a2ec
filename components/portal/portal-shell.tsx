import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { Branding } from "@/lib/domain/platforms/branding-schema";
import { themeVariables } from "@/lib/domain/branding/theme";
import { NavLinks } from "./nav-links";
import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "./sign-out-button";

interface Props {
  branding: Branding;
  returnUrl: string;
  customerLabel: string;
  children: ReactNode;
}

/** The branded frame around every portal page: platform name and logo, navigation, the way back, sign out. */
export async function PortalShell({ branding, returnUrl, customerLabel, children }: Props) {
  const t = await getTranslations("shell");
  const theme = themeVariables(branding);
  return (
    <div className={`${theme.className} min-h-screen bg-surface text-fg`} style={theme.style}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-4 focus:top-4 focus:z-50 focus:rounded-md focus:bg-surface-raised focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <header className="border-b border-line bg-surface-raised">
        <div className="mx-auto flex max-w-page flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
          <div className="flex min-w-0 items-center gap-3">
            {branding.logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- platform logos live on their own hosts
              <img src={branding.logoUrl} alt="" className="h-8 w-auto max-w-40 shrink-0 object-contain" data-testid="platform-logo" />
            ) : (
              <span aria-hidden data-platform-initial className="flex h-8 w-8 items-center justify-center rounded-md bg-brand font-semibold text-brand-fg">
                {branding.name.slice(0, 1).toUpperCase()}
              </span>
            )}
            <div className="min-w-0">
              <p className="truncate font-semibold">{branding.name}</p>
              <p className="truncate text-xs text-fg-muted">{t("billingFor", { customer: customerLabel })}</p>
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-1">
            <LanguageSwitcher />
            <a href={returnUrl} className="rounded-md px-3 py-2 text-sm font-medium text-brand-text hover:bg-brand-soft">
              {t("backTo", { platform: branding.name })}
            </a>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label={t("sections")} className="mx-auto max-w-page px-2 sm:px-4">
          <NavLinks />
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-page px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
      <footer className="mx-auto flex max-w-page flex-wrap gap-x-4 gap-y-1 px-4 pb-8 text-xs text-fg-muted sm:px-6">
        {branding.supportUrl && <a className="underline" href={branding.supportUrl}>{t("support")}</a>}
        {branding.termsUrl && <a className="underline" href={branding.termsUrl}>{t("terms")}</a>}
        {branding.privacyUrl && <a className="underline" href={branding.privacyUrl}>{t("privacy")}</a>}
      </footer>
    </div>
  );
}
