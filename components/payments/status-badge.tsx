const STYLES: Record<string, { label: string; icon: string; className: string }> = {
  initiated: { label: "Not paid yet", icon: "…", className: "bg-surface-sunken text-fg-muted" },
  declined: { label: "Declined", icon: "✕", className: "bg-danger-soft text-danger" },
  pending: { label: "Charging", icon: "…", className: "bg-warning-soft text-warning" },
  processing: { label: "Processing", icon: "…", className: "bg-warning-soft text-warning" },
  completed: { label: "Completed", icon: "✓", className: "bg-success-soft text-success" },
  succeeded: { label: "Succeeded", icon: "✓", className: "bg-success-soft text-success" },
  failed: { label: "Failed", icon: "✕", className: "bg-danger-soft text-danger" },
  requires_action: { label: "Needs your confirmation", icon: "!", className: "bg-danger-soft text-danger" },
  cancelled: { label: "Cancelled", icon: "–", className: "bg-surface-sunken text-fg-muted" },
  expired: { label: "Expired", icon: "–", className: "bg-surface-sunken text-fg-muted" },
  skipped: { label: "Skipped", icon: "–", className: "bg-surface-sunken text-fg-muted" },
};

/** A status in words with an icon; colour only reinforces what the text says. */
export function StatusBadge({ status }: { status: string }) {
  const style = STYLES[status] ?? { label: status, icon: "", className: "bg-surface-sunken text-fg-muted" };
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${style.className}`} data-status={status}>
      <span aria-hidden>{style.icon}</span>
      {style.label}
    </span>
  );
}
