"use client";

import { lazy, Suspense } from "react";
import type { SpendBarsProps } from "./spend-bars";

// Recharts is the heaviest client code in the portal; it loads in its own chunk after the page
// (and the balances) have rendered, behind a placeholder of the same size so nothing shifts.
const SpendBars = lazy(() => import("./spend-bars"));

export function SpendChart(props: SpendBarsProps & { label: string }) {
  const { label, ...bars } = props;
  return (
    // Time runs left to right on the chart in every language, as on the static bars.
    <figure role="img" aria-label={label} dir="ltr" className="w-full" style={{ height: bars.height }}>
      <Suspense fallback={<div className="h-full w-full animate-pulse rounded-lg bg-surface-sunken" />}>
        <SpendBars {...bars} />
      </Suspense>
    </figure>
  );
}
