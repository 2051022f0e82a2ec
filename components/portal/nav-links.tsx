"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useNavItems } from "./nav-items";

/**
 * Which ends of the tab strip have more tabs beyond them: `left` is the start (the right in a
 * right-to-left page, where scrollLeft counts down from 0).
 */
function overflowOf(el: HTMLElement): { left: boolean; right: boolean } {
  const scrolled = Math.abs(el.scrollLeft);
  return { left: scrolled > 1, right: scrolled + el.clientWidth < el.scrollWidth - 1 };
}

/**
 * The section tabs. On a narrow screen they scroll sideways inside their own strip: the current tab is
 * scrolled into view, and a fade with an arrow at either end says more tabs are there.
 */
export function NavLinks() {
  const items = useNavItems();
  const pathname = usePathname();
  const listRef = useRef<HTMLUListElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  const measure = useCallback(() => listRef.current && setMore(overflowOf(listRef.current)), []);

  useEffect(() => {
    const list = listRef.current;
    const current = list?.querySelector<HTMLElement>('[aria-current="page"]');
    if (list && current) {
      // Centre the current tab in the strip without moving the page itself (right to left, scrollLeft counts down from 0).
      const rtl = getComputedStyle(list).direction === "rtl";
      list.scrollLeft = current.offsetLeft - (list.clientWidth - current.offsetWidth) / 2 - (rtl ? list.scrollWidth - list.clientWidth : 0);
    }
    measure();
  }, [pathname, measure]);

  useEffect(() => {
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [measure]);

  return (
    <div className="relative" data-more-left={more.left} data-more-right={more.right} data-testid="nav-strip">
      <ul ref={listRef} onScroll={measure} className="relative flex gap-1 overflow-x-auto pb-1 text-sm [scrollbar-width:thin]">
        {items.map((item) => {
          const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 font-medium ${
                  active ? "bg-brand-soft text-brand-text shadow-[inset_0_-3px_0_var(--accent)]" : "text-fg-muted hover:bg-surface-sunken hover:text-fg"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {more.left && (
        <span aria-hidden className="pointer-events-none absolute inset-y-0 start-0 flex w-10 items-center bg-gradient-to-r from-surface-raised to-transparent pb-1 ps-1 rtl:bg-gradient-to-l text-fg-muted"><span className="inline-block rtl:-scale-x-100">‹</span></span>
      )}
      {more.right && (
        <span aria-hidden className="pointer-events-none absolute inset-y-0 end-0 flex w-10 items-center justify-end bg-gradient-to-l from-surface-raised to-transparent pb-1 pe-1 rtl:bg-gradient-to-r text-fg-muted"><span className="inline-block rtl:-scale-x-100">›</span></span>
      )}
    </div>
  );
}
