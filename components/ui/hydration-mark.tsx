"use client";

import { useEffect } from "react";

/** Marks the page interactive (html[data-hydrated]), so browser tests never type into inputs React is about to take over. */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
