import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { HydrationMark } from "@/components/ui/hydration-mark";
import { requestLocale } from "@/lib/workflows/portal/request-locale";
import { PSEUDO_LOCALE } from "@/lib/kernel/i18n/locales";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { template: t("titleTemplate", { page: "%s" }), default: t("billing") },
    description: t("description"),
    robots: { index: false, follow: false },
    // Billfold's own icon where no platform is known; portal pages set the platform's (components/portal/platform-icon.ts).
    icons: { icon: "/favicon.ico" },
  };
}

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { locale, formatLocale, dir } = await requestLocale();
  return (
    <html lang={locale === PSEUDO_LOCALE ? locale : formatLocale} dir={dir} suppressHydrationWarning>
      <body className="bg-surface text-fg antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
        <HydrationMark />
      </body>
    </html>
  );
}
