/**
 * The IHI run-chart rules: shift, trend, too few or too many runs (and, as a judgement left to a
 * person, astronomical points: see astronomical.ts).
 *
 * Reference: Perla RJ, Provost LP, Murray SK (2011) "The run chart: a simple analytical tool for
 * learning from variation in healthcare processes", BMJ Qual Saf 20:46–51, recommended by
 * Healthcare Improvement Scotland. The runs rule uses the exact Swed–Eisenhart limits for the
 * actual counts above and below the centre line (swed-eisenhart.ts) rather than the paper's
 * Table 1, which assumes the points split evenly; it judges only from 10 useful points.
 */
import { summariseRuns, type RunSummary } from './runs.js';
import { findShifts, type Shift } from './shift.js';
import { runsLimits, type RunsLimits } from './swed-eisenhart.js';
import { hasTooFewPoints } from './too-few-points.js';
import { findTrends, type Trend } from './trend.js';

export type RunsVerdict = 'too few' | 'too many' | 'as expected' | 'too few points';

export interface IhiResult {
  readonly n_useful: number;
  /** The counts the runs limits are computed for. */
  readonly n_above: number;
  readonly n_below: number;
  readonly shifts: readonly Shift[];
  readonly trends: readonly Trend[];
  readonly n_runs: number;
  /** Null below 10 useful points. */
  readonly runs_limits: RunsLimits | null;
  readonly runs_verdict: RunsVerdict;
}

/** The IHI rules for a series against its centre line (`summary`: its runs, when the caller has them already). */
export function ihiRules(values: readonly (number | null)[], cl: number, summary: RunSummary = summariseRuns(values, cl)): IhiResult {
  const { n_useful, n_above, n_below, runs } = summary;
  const n_runs = runs.length;
  const runs_limits = hasTooFewPoints(n_useful) ? null : runsLimits(n_above, n_below);
  return {
    n_useful,
    n_above,
    n_below,
    shifts: findShifts(values, cl, undefined, summary),
    trends: findTrends(values),
    n_runs,
    runs_limits,
    runs_verdict: runsVerdict(n_runs, runs_limits),
  };
}

/** Whether a count of runs is too few, too many or as expected within its limits ('too few points' without limits). */
export function runsVerdict(nRuns: number, limits: RunsLimits | null): RunsVerdict {
  if (limits === null) return 'too few points';
  const [lower, upper] = limits;
  if (nRuns < lower) return 'too few';
  if (nRuns > upper) return 'too many';
  return 'as expected';
}
