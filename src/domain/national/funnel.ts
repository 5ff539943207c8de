/**
 * Funnel plot control limits for a proportion (Spiegelhalter, D. J. (2005), "Funnel plots for
 * comparing institutional performance", Statistics in Medicine 24(8), 1185–1202): around the
 * national rate p, the limits for an authority with denominator n are p ± z·√(p(1−p)/n), the
 * binomial's normal approximation, clamped to 0–1. z = 1.96 gives the 95% limits ("2 standard
 * deviations") and z = 3.09 the 99.8% limits ("3 standard deviations").
 */
import type { Interval } from './wilson.js';

export const funnelLevels = [
  { name: '95%', z: 1.96 },
  { name: '99.8%', z: 3.09 },
] as const;

export type FunnelLevel = (typeof funnelLevels)[number]['name'];

/** The control limits at denominator `n` around the national rate `rate` (a proportion, 0–1). */
export function funnelLimits(rate: number, n: number, z: number): Interval {
  if (!(rate >= 0 && rate <= 1)) throw new Error(`funnelLimits needs a rate from 0 to 1 (got ${rate})`);
  if (!(n > 0)) throw new Error(`funnelLimits needs n above 0 (got ${n})`);
  const spread = z * Math.sqrt((rate * (1 - rate)) / n);
  return { lower: Math.max(0, rate - spread), upper: Math.min(1, rate + spread) };
}

export interface FunnelPoint {
  readonly n: number;
  readonly lower: number;
  readonly upper: number;
}

/** The limits at whole-number denominators from 1 to `maxN`, at most about `steps` of them (denser where the funnel is steep), for drawing. */
export function funnelCurve(rate: number, maxN: number, z: number, steps = 120): FunnelPoint[] {
  const ns = new Set<number>();
  const top = Math.max(1, Math.ceil(maxN));
  // Evenly spaced on a square-root scale: the limits change fastest at small n.
  for (let i = 0; i <= steps; i++) ns.add(Math.max(1, Math.round(((i / steps) * Math.sqrt(top)) ** 2)));
  return [...ns].sort((a, b) => a - b).map((n) => ({ n, ...funnelLimits(rate, n, z) }));
}

export type FunnelPosition = 'above-99.8' | 'above-95' | 'within' | 'below-95' | 'below-99.8';

/** Where an authority's proportion (`successes` of `n`) lies against the limits around `rate`. A point on a limit is within it. */
export function funnelPosition(rate: number, successes: number, n: number): FunnelPosition {
  const p = successes / n;
  const [inner, outer] = funnelLevels.map((level) => funnelLimits(rate, n, level.z)) as [Interval, Interval];
  // A hair of tolerance: a proportion exactly on a limit is not pushed outside it by rounding error.
  const eps = 1e-12;
  if (p > outer.upper + eps) return 'above-99.8';
  if (p > inner.upper + eps) return 'above-95';
  if (p < outer.lower - eps) return 'below-99.8';
  if (p < inner.lower - eps) return 'below-95';
  return 'within';
}

export const funnelPositionLabels: Readonly<Record<FunnelPosition, string>> = {
  'above-99.8': 'above the 99.8% limit',
  'above-95': 'above the 95% limit',
  within: 'within the 95% limits',
  'below-95': 'below the 95% limit',
  'below-99.8': 'below the 99.8% limit',
};
