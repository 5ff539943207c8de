/**
 * One series analysed by both rule sets side by side, in the shape of the `pace spc` command's
 * JSON (docs/run-charts.md, "The `pace spc` command"): Anhøj (anhoej.ts), IHI (ihi.ts), rephasing
 * (rephase.ts) and astronomical-point candidates (astronomical.ts).
 *
 * Readings of docs/run-charts.md made here:
 * - Every rule is computed and reported whatever the number of useful points, as qicharts2 does,
 *   so the chart can be drawn and checked; below 10 useful points `too_few_points` holds the
 *   words to show instead of verdicts, `runs_verdict` is 'too few points', and verdict.ts says
 *   nothing else.
 * - `--rephase` without `--freeze` takes the first 12 points (or all, if fewer) as the baseline,
 *   and that baseline median is the centre line every rule tests against; the re-phased medians
 *   are drawn on the chart but the rules are not re-run per phase.
 * - A fixed centre line (`centre`) replaces the median and cannot be combined with a baseline.
 * Keys beyond the specification's example, all inputs shown for the reader: `cl_basis`,
 * `ihi.n_above`/`n_below`, each phase's `extended_to` (and `side` when sustained),
 * `astronomical_candidates`, `too_few_points`.
 */
import { anhoejRules, type AnhoejResult } from './anhoej.js';
import { astronomicalCandidates } from './astronomical.js';
import { ihiRules, type IhiResult } from './ihi.js';
import { median } from './median.js';
import { rephase, type Phase, type RephaseSide } from './rephase.js';
import { summariseRuns } from './runs.js';
import { tooFewPointsMessage } from './too-few-points.js';
import { findTrends } from './trend.js';

export const DEFAULT_REPHASE_BASELINE = 12;

export interface SpcOptions {
  /** The first K points are the baseline; its median is the centre line for every point. */
  readonly freeze?: number;
  /** A fixed centre line instead of a median. */
  readonly centre?: number;
  /** Re-phase the median after each sustained shift (rephase.ts). */
  readonly rephase?: boolean;
  readonly rephaseRun?: number;
  readonly rephaseSide?: RephaseSide;
}

/** Where the centre line came from: the median of every point, of the baseline, or a fixed value. */
export type ClBasis = 'all points' | 'baseline' | 'fixed';

export interface SpcAnalysis {
  readonly n_obs: number;
  /** Null only when the points it would be the median of are all missing. */
  readonly cl: number | null;
  readonly cl_basis: ClBasis;
  readonly baseline: { readonly from: number; readonly to: number } | null;
  readonly anhoej: AnhoejResult;
  readonly ihi: IhiResult;
  readonly phases: readonly Phase[];
  /** Point numbers beyond 3 sigma on an XmR chart: candidates for a person to judge. */
  readonly astronomical_candidates: readonly number[];
  /** The words to show instead of verdicts below 10 useful points; null otherwise. */
  readonly too_few_points: string | null;
}

export type SpcOptionsError =
  | { readonly code: 'invalid-value'; readonly point: number; readonly value: number; readonly message: string }
  | { readonly code: 'invalid-freeze'; readonly value: number; readonly n_obs: number; readonly message: string }
  | { readonly code: 'invalid-centre'; readonly value: number; readonly message: string }
  | { readonly code: 'centre-with-baseline'; readonly message: string }
  | { readonly code: 'invalid-rephase-run'; readonly value: number; readonly message: string };

/** The first thing wrong with a series or its options for analysis, or null when they are sound. */
export function checkSpcOptions(values: readonly (number | null)[], options: SpcOptions = {}): SpcOptionsError | null {
  let badPoint = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value !== null && !Number.isFinite(value)) {
      badPoint = i;
      break;
    }
  }
  if (badPoint >= 0) {
    const value = values[badPoint] as number;
    return { code: 'invalid-value', point: badPoint + 1, value, message: `invalid value at point ${badPoint + 1}: ${value}` };
  }
  const { freeze, centre, rephaseRun } = options;
  if (freeze !== undefined && (!Number.isInteger(freeze) || freeze < 1 || freeze > values.length)) {
    return { code: 'invalid-freeze', value: freeze, n_obs: values.length, message: `invalid freeze: ${freeze} (the series has ${values.length} points)` };
  }
  if (centre !== undefined && !Number.isFinite(centre)) {
    return { code: 'invalid-centre', value: centre, message: `invalid centre: ${centre}` };
  }
  if (centre !== undefined && (freeze !== undefined || options.rephase === true)) {
    return { code: 'centre-with-baseline', message: 'a fixed centre cannot be combined with freeze or rephase' };
  }
  if (rephaseRun !== undefined && (!Number.isInteger(rephaseRun) || rephaseRun < 1)) {
    return { code: 'invalid-rephase-run', value: rephaseRun, message: `invalid rephaseRun: ${rephaseRun}` };
  }
  return null;
}

/**
 * A series analysed by the Anhøj and IHI rules, with its phases. Options are checked first with
 * `checkSpcOptions`; unsound ones here are a caller's bug and throw.
 */
export function analyseSeries(values: readonly (number | null)[], options: SpcOptions = {}): SpcAnalysis {
  const problem = checkSpcOptions(values, options);
  if (problem !== null) throw new RangeError(problem.message);

  const n_obs = values.length;
  const freeze = options.freeze ?? (options.rephase === true && n_obs > 0 ? Math.min(DEFAULT_REPHASE_BASELINE, n_obs) : undefined);
  const cl_basis: ClBasis = options.centre !== undefined ? 'fixed' : freeze !== undefined ? 'baseline' : 'all points';
  const cl = options.centre ?? median(freeze === undefined ? values : values.slice(0, freeze));
  let anhoej = noAnhoej;
  let ihi: IhiResult;
  if (cl === null) {
    ihi = noIhi(values);
  } else {
    // Both rule sets read the same runs about the centre line: counted once.
    const runs = summariseRuns(values, cl);
    anhoej = anhoejRules(values, cl, runs);
    ihi = ihiRules(values, cl, runs);
  }
  return {
    n_obs,
    cl,
    cl_basis,
    baseline: freeze === undefined ? null : { from: 1, to: freeze },
    anhoej,
    ihi,
    phases: phasesOf(values, cl, freeze, options),
    astronomical_candidates: astronomicalCandidates(values),
    too_few_points: tooFewPointsMessage(anhoej.n_useful),
  };
}

function phasesOf(values: readonly (number | null)[], cl: number | null, freeze: number | undefined, options: SpcOptions): Phase[] {
  if (cl === null) return [];
  if (options.rephase === true && freeze !== undefined) {
    return rephase(values, { baselineLength: freeze, runLength: options.rephaseRun, side: options.rephaseSide });
  }
  return [{ type: 'baseline', median: cl, from: 1, to: freeze ?? values.length, extended_to: values.length }];
}

// With no centre line there is nothing to be on either side of; trends still compare points.
const noAnhoej: AnhoejResult = { n_useful: 0, longest_run: 0, longest_run_max: null, n_crossings: 0, n_crossings_min: null, signal: false };

function noIhi(values: readonly (number | null)[]): IhiResult {
  return { n_useful: 0, n_above: 0, n_below: 0, shifts: [], trends: findTrends(values), n_runs: 0, runs_limits: null, runs_verdict: 'too few points' };
}
