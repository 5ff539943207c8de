/**
 * Rephasing the centre line after a sustained shift, as runcharter does (GitHub
 * johnmackintosh/runcharter, NHS Highland; R/runcharter.R and R/utilities.R).
 *
 * The baseline median is taken over the first K points. Later points are walked against the
 * current median; points on it (and missing points) are skipped, neither counting nor breaking a
 * run, as runcharter drops `sign(y − median) == 0` before looking for runs. When `runLength`
 * (9) consecutive useful points fall on one side (either side by default), the median is
 * re-phased to the median of those points, and the search restarts after the last of them
 * against the new median.
 *
 * Spans, following runcharter's start_date, end_date and extend_to: a phase's `from`–`to` are
 * the points its median is drawn from (the baseline 1–K; a sustained phase its first to its
 * ninth useful point). `extended_to` is the last point the median stands as the centre line,
 * the point before the next phase begins, or the last point of the chart for the last phase.
 */
import { median } from './median.js';
import type { Side } from './runs.js';

export const REPHASE_RUN_LENGTH = 9;

export type RephaseSide = Side | 'both';

export interface RephaseOptions {
  /** The first K points make the baseline. */
  readonly baselineLength: number;
  readonly runLength?: number;
  /** Which side a run must fall on to re-phase; both by default. */
  readonly side?: RephaseSide;
}

interface PhaseSpan {
  readonly median: number;
  /** Point numbers of the first and last points the median is drawn from. */
  readonly from: number;
  readonly to: number;
  /** The last point the median stands as the centre line over. */
  readonly extended_to: number;
}

export interface BaselinePhase extends PhaseSpan {
  readonly type: 'baseline';
}

export interface SustainedPhase extends PhaseSpan {
  readonly type: 'sustained';
  /** The side of the previous median the run fell on. */
  readonly side: Side;
}

export type Phase = BaselinePhase | SustainedPhase;

/** The baseline median and every sustained shift that re-phases it, in order; none when the baseline has no values. */
export function rephase(values: readonly (number | null)[], options: RephaseOptions): Phase[] {
  const { baselineLength, runLength = REPHASE_RUN_LENGTH, side = 'both' } = options;
  if (!Number.isInteger(baselineLength) || baselineLength < 1 || baselineLength > values.length) {
    throw new RangeError(`invalid baselineLength: ${baselineLength} (the series has ${values.length} points)`);
  }
  if (!Number.isInteger(runLength) || runLength < 1) throw new RangeError(`invalid runLength: ${runLength}`);
  const baselineMedian = median(values.slice(0, baselineLength));
  if (baselineMedian === null) return [];

  const sustained: Omit<SustainedPhase, 'extended_to'>[] = [];
  let current = baselineMedian;
  // The current run's side, point numbers and values: two lists of numbers emptied and refilled
  // rather than an object for each point.
  let runSide: Side | null = null;
  const runPoints: number[] = [];
  const runValues: number[] = [];
  for (let index = baselineLength; index < values.length; index += 1) {
    const value = values[index] ?? null;
    if (value === null || value === current) continue;
    const pointSide: Side = value > current ? 'above' : 'below';
    if (runSide !== pointSide) {
      runSide = pointSide;
      runPoints.length = 0;
      runValues.length = 0;
    }
    runPoints.push(index + 1);
    runValues.push(value);
    if (runPoints.length === runLength && (side === 'both' || side === pointSide)) {
      current = median(runValues) as number;
      sustained.push({ type: 'sustained', median: current, from: runPoints[0] as number, to: runPoints[runLength - 1] as number, side: pointSide });
      runSide = null;
      runPoints.length = 0;
      runValues.length = 0;
    }
  }

  const extendedTo = (next: number) => (sustained[next]?.from ?? values.length + 1) - 1;
  const baseline: BaselinePhase = { type: 'baseline', median: baselineMedian, from: 1, to: baselineLength, extended_to: extendedTo(0) };
  return [baseline, ...sustained.map((phase, index) => ({ ...phase, extended_to: extendedTo(index + 1) }))];
}
