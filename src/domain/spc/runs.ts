/**
 * Useful points and runs about a centre line (docs/run-charts.md, "Common definitions"), as qicharts2
 * computes them in `runs.analysis` (GitHub anhoej/qicharts2, R/helper.functions.R): the sign of
 * each point against the CL, with missing points and points on the CL removed before the runs are
 * counted. So a point on the CL neither counts towards nor breaks a run, and the runs on either
 * side of it join up.
 */

export type Side = 'above' | 'below';

export interface UsefulPoint {
  /** 1-based point number on the chart. */
  readonly point: number;
  readonly value: number;
  readonly side: Side;
}

export interface Run {
  readonly side: Side;
  /** Point numbers of the first and last useful points of the run. */
  readonly from: number;
  readonly to: number;
  /** Useful points in the run (points on the CL or missing inside its span are not counted). */
  readonly n_points: number;
}

export interface RunSummary {
  readonly n_useful: number;
  readonly n_above: number;
  readonly n_below: number;
  readonly runs: readonly Run[];
  /** 0 when there are no useful points. */
  readonly longest_run: number;
  /** Runs − 1, and 0 when there are no runs. */
  readonly n_crossings: number;
}

/** The points that are present and not exactly on the centre line, with the side each falls on. */
export function usefulPoints(values: readonly (number | null)[], cl: number): UsefulPoint[] {
  const useful: UsefulPoint[] = [];
  values.forEach((value, index) => {
    if (value === null || value === cl) return;
    useful.push({ point: index + 1, value, side: value > cl ? 'above' : 'below' });
  });
  return useful;
}

/** The maximal runs of consecutive useful points on one side of the centre line. */
export function runsOf(useful: readonly UsefulPoint[]): Run[] {
  const runs: Run[] = [];
  let start = 0;
  useful.forEach((current, index) => {
    const next = useful[index + 1];
    if (next !== undefined && next.side === current.side) return;
    const first = useful[start] as UsefulPoint;
    runs.push({ side: current.side, from: first.point, to: current.point, n_points: index - start + 1 });
    start = index + 1;
  });
  return runs;
}

/** Useful points, runs, longest run and crossings of a series about its centre line. */
export function summariseRuns(values: readonly (number | null)[], cl: number): RunSummary {
  // The same runs as runsOf(usefulPoints(values, cl)), counted in one pass without an object for
  // each point: every aim's run chart is analysed over thousands of points, three times over.
  const runs: Run[] = [];
  let n_useful = 0;
  let n_above = 0;
  let side: Side | null = null;
  let from = 0;
  let to = 0;
  let n_points = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] as number | null;
    if (value === null || value === cl) continue;
    const current: Side = value > cl ? 'above' : 'below';
    n_useful += 1;
    if (current === 'above') n_above += 1;
    if (current === side) {
      to = index + 1;
      n_points += 1;
      continue;
    }
    if (side !== null) runs.push({ side, from, to, n_points });
    side = current;
    from = index + 1;
    to = index + 1;
    n_points = 1;
  }
  if (side !== null) runs.push({ side, from, to, n_points });
  let longest = 0;
  for (const run of runs) if (run.n_points > longest) longest = run.n_points;
  return {
    n_useful,
    n_above,
    n_below: n_useful - n_above,
    runs,
    longest_run: longest,
    n_crossings: Math.max(runs.length - 1, 0),
  };
}
