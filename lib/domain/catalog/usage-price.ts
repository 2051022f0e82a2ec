/**
 * A real-time usage-based price in the shape POST /products takes: for the demo seed, tests and
 * benchmarks, which describe products the way a platform would send them.
 */
export function usagePrice(name: string, eventType: string, calculation: Record<string, unknown>, pricing: unknown[]) {
  return { name, type: "usage_based", billing_model: { type: "real_time" }, usage_calculation: { event_type: eventType, ...calculation }, pricing };
}
