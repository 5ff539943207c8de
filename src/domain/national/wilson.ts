/**
 * The Wilson score interval for a proportion: Wilson, E. B. (1927), "Probable inference, the law of
 * succession, and statistical inference", JASA 22(158), 209–212. Chosen over the simple normal
 * ("Wald") interval because it stays inside 0–100% and keeps close to its stated coverage for the
 * small numbers of children one authority has (Brown, Cai and DasGupta (2001), Statistical
 * Science 16(2), 101–133).
 */

/** z for a two-sided 95% interval, to two decimals as the funnel limits use it. */
export const z95 = 1.96;

export interface Interval {
  /** Proportions, 0–1. */
  readonly lower: number;
  readonly upper: number;
}

/**
 * The Wilson score interval for `successes` of `n`:
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) ÷ (1 + z²/n), with p̂ = successes ÷ n. Null when n is 0.
 */
export function wilsonInterval(successes: number, n: number, z: number = z95): Interval | null {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || successes > n) throw new Error(`wilsonInterval needs 0 ≤ successes ≤ n, whole numbers (got ${successes} of ${n})`);
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 and n the formula gives exactly 0 and 1 up to rounding error; say so exactly.
  return { lower: successes === 0 ? 0 : Math.max(0, centre - half), upper: successes === n ? 1 : Math.min(1, centre + half) };
}
