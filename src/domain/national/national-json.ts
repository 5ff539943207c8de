/**
 * The national comparison as the JSON `pace national --json` prints: snake_case, figures rounded to
 * one decimal for showing, every hidden count `[c]` and every hidden statistic null; `as_at` and
 * `from_date` are the dates used (whole months).
 */
import { roundOrNull } from '../round.js';
import { describeTimescale } from '../timescale.js';
import type { NationalComparison, NationalRow } from './national-comparison.js';
import { suppressedMark } from './suppression.js';

export function nationalJson(comparison: NationalComparison) {
  const row = (r: NationalRow) => ({
    code: r.code,
    name: r.name,
    ...r.counts,
    percentage: roundOrNull(r.percentage),
    ci95: r.interval && { lower: roundOrNull(r.interval.lower), upper: roundOrNull(r.interval.upper) },
    median_weeks: roundOrNull(r.medianWeeks),
    funnel_position: r.position,
  });
  return {
    as_at: comparison.asAt.toString(),
    from_date: comparison.fromDate?.toString() ?? null,
    suppressed_below: comparison.threshold,
    suppressed_mark: suppressedMark,
    aims: comparison.aims.map((a) => ({
      aim: a.aim.nationalAim,
      name: a.aim.name,
      timescale: describeTimescale(a.aim.timescale),
      national_percentage: a.rate === null ? null : roundOrNull(a.rate * 100),
      authorities: a.authorities.map(row),
      national: row(a.national),
    })),
  };
}
