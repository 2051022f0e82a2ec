"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * A tooltip on a focusable trigger: opens on hover and on keyboard focus, closes with Escape or
 * when focus leaves, and its text is the trigger's accessible description.
 */
export function Tooltip({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className="relative inline-flex" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        aria-label={label}
        aria-describedby={id}
        aria-expanded={open}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
        className="inline-flex h-6 w-6 items-center justify-center rounded-full border border-line text-xs font-semibold text-fg-muted hover:text-fg"
      >
        i
      </button>
      <span
        id={id}
        role="tooltip"
        hidden={!open}
        className="absolute right-0 top-7 z-20 w-72 rounded-lg border border-line bg-surface-raised p-3 text-left text-xs leading-relaxed text-fg shadow-lg sm:left-0 sm:right-auto"
      >
        {children}
      </span>
    </span>
  );
}
