import type { ReactNode } from "react";
import type { Branding } from "@/lib/domain/platforms/branding-schema";
import { themeVariables } from "@/lib/domain/branding/theme";

/** A centred, branded message page for when there is no session (bad link, signed out). */
export function StandalonePage({ branding, title, children }: { branding: Branding | null; title: string; children: ReactNode }) {
  const theme = branding ? themeVariables(branding) : null;
  return (
    <div className={`${theme?.className ?? "system"} flex min-h-screen items-center justify-center bg-surface p-4 text-fg`} style={theme?.style}>
      <main className="w-full max-w-md rounded-xl border border-line bg-surface-raised p-6 shadow-sm sm:p-8">
        {branding && (
          <p className="mb-4 flex items-center gap-2 font-semibold">
            {branding.logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- platform logos live on their own hosts
              <img src={branding.logoUrl} alt="" className="h-7 w-auto max-w-32 object-contain" data-testid="platform-logo" />
            ) : null}
            {branding.name}
          </p>
        )}
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <div className="mt-3 space-y-3 text-sm text-fg-muted">{children}</div>
      </main>
    </div>
  );
}
