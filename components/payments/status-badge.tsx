import { useTranslations } from "next-intl";

const STYLES: Record<string, { icon: string; className: string }> = {
  initiated: { icon: "…", className: "bg-surface-sunken text-fg-muted" },
  declined: { icon: "✕", className: "bg-danger-soft text-danger" },
  pending: { icon: "…", className: "bg-warning-soft text-warning" },
  processing: { icon: "…", className: "bg-warning-soft text-warning" },
  completed: { icon: "✓", className: "bg-success-soft text-success" },
  succeeded: { icon: "✓", className: "bg-success-soft text-success" },
  failed: { icon: "✕", className: "bg-danger-soft text-danger" },
  requires_action: { icon: "!", className: "bg-danger-soft text-danger" },
  cancelled: { icon: "–", className: "bg-surface-sunken text-fg-muted" },
  expired: { icon: "–", className: "bg-surface-sunken text-fg-muted" },
  skipped: { icon: "–", className: "bg-surface-sunken text-fg-muted" },
};

/** A status in words with an icon; colour only reinforces what the text says. */
export function StatusBadge({ status }: { status: string }) {
  const t = useTranslations("payments");
  const style = STYLES[status] ?? { icon: "", className: "bg-surface-sunken text-fg-muted" };
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${style.className}`} data-status={status}>
      <span aria-hidden>{style.icon}</span>
      {t("status", { status })}
    </span>
  );
}
