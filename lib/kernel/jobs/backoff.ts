/** Delay before retry number `attempts` (1-based): 30 s doubling up to 6 h, with ±20 % jitter. */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(30_000 * 2 ** (attempts - 1), 6 * 3_600_000);
  return Math.round(base * (0.8 + random() * 0.4));
}
