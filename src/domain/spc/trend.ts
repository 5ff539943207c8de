/**
 * The IHI trend rule: 5 or more points all going up or all going down.
 *
 * Reference: Perla RJ, Provost LP, Murray SK (2011) "The run chart: a simple analytical tool for
 * learning from variation in healthcare processes", BMJ Qual Saf 20:46–51. As the paper says,
 * a value equal to the one before it neither adds to nor breaks a trend; missing values are
 * dropped first, so the value before is the last one present. Trends compare points with each
 * other, not with the centre line. The rest split into maximal strictly rising or falling
 * stretches, and the point where the direction turns belongs to both: 1..5 then −1..−5 holds a
 * trend up over points 1–5 and a trend down over points 5–10.
 */

export const TREND_MIN_POINTS = 5;

export type TrendDirection = 'up' | 'down';

export interface Trend {
  /** Point numbers of the first and last kept points (of repeated values, the first is kept). */
  readonly from: number;
  readonly to: number;
  /** Kept points in the trend. */
  readonly n_points: number;
  readonly direction: TrendDirection;
}

/** Every maximal stretch of at least `minPoints` points all going up or all going down. */
export function findTrends(values: readonly (number | null)[], minPoints = TREND_MIN_POINTS): Trend[] {
  // Present values, each dropped if equal to the one before it: their point numbers and values
  // side by side rather than an object for each of thousands of points.
  const points: number[] = [];
  const kept: number[] = [];
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] as number | null;
    if (value === null || (kept.length > 0 && value === kept[kept.length - 1])) continue;
    points.push(index + 1);
    kept.push(value);
  }
  const directionBetween = (first: number, second: number): TrendDirection => ((kept[second] as number) > (kept[first] as number) ? 'up' : 'down');
  const trends: Trend[] = [];
  let start = 0;
  for (let end = 1; end < kept.length; end += 1) {
    const direction = directionBetween(end - 1, end);
    const stretchEnds = end + 1 === kept.length || directionBetween(end, end + 1) !== direction;
    if (!stretchEnds) continue;
    const n_points = end - start + 1;
    if (n_points >= minPoints) {
      trends.push({ from: points[start] as number, to: points[end] as number, n_points, direction });
    }
    start = end; // the turning point starts the next stretch too
  }
  return trends;
}
