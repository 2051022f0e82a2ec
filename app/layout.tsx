import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { HydrationMark } from "@/components/ui/hydration-mark";
import { requestLocale } from "@/lib/workflows/portal/request-locale";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Billing", default: "Billing" },
  description: "Your balances, usage and payments.",
  robots: { index: false, follow: false },
  // Billfold's own icon where no platform is known; portal pages set the platform's (components/portal/platform-icon.ts).
  icons: { icon: "/favicon.ico" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  return (
    <html lang={locale} suppressHydrationWarning>
      <body className="bg-surface text-fg antialiased">
        {children}
        <HydrationMark />
      </body>
    </html>
  );
}
