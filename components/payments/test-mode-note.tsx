import { useTranslations } from "next-intl";

/** Says plainly that no real money moves: the built-in test provider is taking payments. */
export function TestModeNote() {
  const t = useTranslations("payments");
  return (
    <p className="rounded-lg border border-warning bg-warning-soft px-4 py-3 text-sm text-warning">
      {t.rich("testMode", { strong: (chunks) => <strong>{chunks}</strong> })}
    </p>
  );
}
