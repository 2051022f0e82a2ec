"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAmount, type AssetDisplay } from "@/lib/kernel/money/format";
import type { SpendBucket } from "@/lib/workflows/wallet/spend/ranges";
import type { SpendSeries } from "@/lib/workflows/wallet/spend/series";
import { bucketLabel, spansYears } from "./bucket-label";

export interface SpendBarsProps {
  series: SpendSeries;
  asset: AssetDisplay;
  bucket: SpendBucket;
  locale: string;
  colors: string[];
  height: number;
}

/**
 * Stacked bars per product. Bar heights need plain numbers; every figure a reader sees (axis ticks
 * aside) is formatted from the exact decimal strings.
 */
export default function SpendBars({ series, asset, bucket, locale, colors, height }: SpendBarsProps) {
  const withYear = spansYears(series.points.map((p) => p.bucket));
  const data = series.points.map((p) => ({
    label: bucketLabel(p.bucket, bucket, locale, false, withYear),
    point: p,
    ...Object.fromEntries(series.products.map((prod) => [prod.id, Number(p.byProduct[prod.id] ?? 0)])),
  }));
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--line)" />
        <XAxis dataKey="label" tick={{ fill: "var(--fg-muted)", fontSize: 12 }} tickLine={false} axisLine={false} minTickGap={16} />
        <YAxis
          tick={{ fill: "var(--fg-muted)", fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          width={64}
          tickFormatter={(v: number) => formatAmount(String(v), asset, locale, { compact: true })}
        />
        <Tooltip
          cursor={{ fill: "var(--brand-soft)" }}
          contentStyle={{ background: "var(--surface-raised)", border: "1px solid var(--line)", borderRadius: 8, color: "var(--fg)" }}
          formatter={(_value, name, item) => {
            const product = series.products.find((p) => p.id === name);
            const exact = (item.payload as { point: SpendSeries["points"][number] }).point.byProduct[String(name)] ?? "0";
            return [formatAmount(exact, asset, locale), product?.name ?? String(name)];
          }}
        />
        {series.products.map((p, i) => (
          <Bar key={p.id} dataKey={p.id} name={p.id} stackId="spend" fill={colors[i % colors.length]} radius={i === series.products.length - 1 ? [3, 3, 0, 0] : 0} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
