/**
 * The IHI shift rule: 6 or more consecutive useful points on one side of the centre line.
 *
 * Reference: Perla RJ, Provost LP, Murray SK (2011) "The run chart: a simple analytical tool for
 * learning from variation in healthcare processes", BMJ Qual Saf 20:46–51. Points on the centre
 * line (and missing points) are skipped, neither breaking nor adding to a shift, as the paper
 * says; so a shift's span may be longer than its count of points.
 */
import { summariseRuns, type RunSummary, type Side } from './runs.js';

export const SHIFT_MIN_POINTS = 6;

export interface Shift {
  /** Point numbers of the first and last useful points of the run. */
  readonly from: number;
  readonly to: number;
  /** Useful points in the shift. */
  readonly n_points: number;
  readonly side: Side;
}

/** Every maximal run of at least `minPoints` useful points on one side of the centre line (`summary`: the series' runs, when the caller has them already). */
export function findShifts(values: readonly (number | null)[], cl: number, minPoints = SHIFT_MIN_POINTS, summary: RunSummary = summariseRuns(values, cl)): Shift[] {
  const { runs } = summary;
  return runs
    .filter((run) => run.n_points >= minPoints)
    .map(({ from, to, n_points, side }) => ({ from, to, n_points, side }));
}
