/**
 * Every verdict of an analysis (analyse.ts) in plain English, for teams who are told whether a
 * change worked (docs/run-charts.md). Below 10 useful points only the count is said, in the words of
 * docs/run-charts.md "Too few points". The rules are those of anhoej.ts (Anhøj & Olesen 2014, PLoS ONE
 * 9(11):e113825) and ihi.ts (Perla, Provost & Murray 2011, BMJ Qual Saf 20:46–51); an
 * astronomical point is only ever called a candidate, for a person to judge.
 */
import { formatCount, roundTo } from '../round.js';
import type { ClBasis, SpcAnalysis } from './analyse.js';
import type { RunsVerdict } from './ihi.js';
import type { RunsLimits } from './swed-eisenhart.js';
import type { SustainedPhase } from './rephase.js';
import type { Shift } from './shift.js';
import { MIN_USEFUL_POINTS } from './too-few-points.js';
import type { Trend } from './trend.js';

/** Names a point for a reader, e.g. point 12 → "March 2019". */
export type PointLabel = (point: number) => string;

export type Verdict =
  | { readonly kind: 'too-few-points'; readonly n_useful: number }
  | { readonly kind: 'longest-run'; readonly signal: boolean; readonly longest_run: number; readonly longest_run_max: number; readonly run: Shift | null }
  | { readonly kind: 'crossings'; readonly signal: boolean; readonly n_crossings: number; readonly n_crossings_min: number }
  | { readonly kind: 'shift'; readonly shift: Shift }
  | { readonly kind: 'trend'; readonly trend: Trend }
  | { readonly kind: 'runs'; readonly verdict: Exclude<RunsVerdict, 'too few points'>; readonly n_runs: number; readonly limits: RunsLimits; readonly n_above: number; readonly n_below: number }
  | { readonly kind: 'astronomical-candidate'; readonly point: number }
  | { readonly kind: 'rephased'; readonly phase: SustainedPhase; readonly previous_median: number };

/** The verdicts an analysis supports, in reading order; only the too-few-points one below 10 useful points. */
export function verdictsOf(analysis: SpcAnalysis): Verdict[] {
  const { anhoej, ihi } = analysis;
  if (analysis.too_few_points !== null || anhoej.longest_run_max === null || anhoej.n_crossings_min === null || ihi.runs_limits === null) {
    return [{ kind: 'too-few-points', n_useful: anhoej.n_useful }];
  }
  // A signalling run is longer than longest_run_max (at least 6 from 10 useful points), so it is one of the shifts.
  const run = ihi.shifts.find((shift) => shift.n_points === anhoej.longest_run) ?? null;
  const verdicts: Verdict[] = [
    { kind: 'longest-run', signal: anhoej.longest_run > anhoej.longest_run_max, longest_run: anhoej.longest_run, longest_run_max: anhoej.longest_run_max, run },
    { kind: 'crossings', signal: anhoej.n_crossings < anhoej.n_crossings_min, n_crossings: anhoej.n_crossings, n_crossings_min: anhoej.n_crossings_min },
    ...ihi.shifts.map((shift): Verdict => ({ kind: 'shift', shift })),
    ...ihi.trends.map((trend): Verdict => ({ kind: 'trend', trend })),
  ];
  if (ihi.runs_verdict !== 'too few points') {
    verdicts.push({ kind: 'runs', verdict: ihi.runs_verdict, n_runs: ihi.n_runs, limits: ihi.runs_limits, n_above: ihi.n_above, n_below: ihi.n_below });
  }
  for (const point of analysis.astronomical_candidates) verdicts.push({ kind: 'astronomical-candidate', point });
  analysis.phases.forEach((phase, index) => {
    const previous = analysis.phases[index - 1];
    if (phase.type === 'sustained' && previous !== undefined) verdicts.push({ kind: 'rephased', phase, previous_median: previous.median });
  });
  return verdicts;
}

/** One verdict as a sentence; `label` names points (a month, say), else they are given as point numbers. */
export function describeVerdict(verdict: Verdict, analysis: Pick<SpcAnalysis, 'n_obs' | 'cl_basis'>, label?: PointLabel): string {
  const centre = centreName(analysis.cl_basis);
  const span = (from: number, to: number) => spanWords(from, to, analysis.n_obs, label);
  switch (verdict.kind) {
    case 'too-few-points':
      return `${MIN_USEFUL_POINTS} useful points are needed before these rules can judge; this chart has ${verdict.n_useful}.`;
    case 'longest-run': {
      if (!verdict.signal) return `The longest run is ${count(verdict.longest_run, 'point')}; runs of up to ${verdict.longest_run_max} are expected by chance.`;
      const where = verdict.run === null ? `on one side of ${centre}` : `${verdict.run.side} ${centre}`;
      const when = verdict.run !== null && label !== undefined ? ` ${span(verdict.run.from, verdict.run.to)}` : '';
      return `${verdict.longest_run} points in a row ${where}${when}: this is not chance.`;
    }
    case 'crossings':
      return verdict.signal
        ? `Too few crossings of ${centre} (${verdict.n_crossings}; at least ${verdict.n_crossings_min} expected): the process has shifted.`
        : `${count(verdict.n_crossings, 'crossing')} of ${centre} (at least ${verdict.n_crossings_min} expected): no sign of a shift.`;
    case 'shift':
      return `Shift: ${verdict.shift.n_points} points in a row ${verdict.shift.side} ${centre}, ${span(verdict.shift.from, verdict.shift.to)}.`;
    case 'trend':
      return `Trend: ${verdict.trend.n_points} points in a row going ${verdict.trend.direction}, ${span(verdict.trend.from, verdict.trend.to)}.`;
    case 'runs': {
      const [lower, upper] = verdict.limits;
      const split = `${count(verdict.n_above, 'point')} above and ${verdict.n_below} below ${centre}`;
      switch (verdict.verdict) {
        case 'too few':
          return `Too few runs (${verdict.n_runs}; fewer than ${lower} is unusual with ${split}): the process has shifted.`;
        case 'too many':
          return `Too many runs (${verdict.n_runs}; more than ${upper} is unusual with ${split}): the points alternate more than chance would, as when data from different sources are mixed.`;
        case 'as expected':
          return `${count(verdict.n_runs, 'run')}, within the ${lower} to ${upper} expected by chance with ${split}.`;
        default:
          return unhandled(verdict.verdict);
      }
    }
    case 'astronomical-candidate':
      return `${pointName(verdict.point, label)} is more than 3 sigma from the mean on an XmR chart: a candidate astronomical point, for the team to judge.`;
    case 'rephased': {
      const { phase } = verdict;
      return `A sustained shift ${phase.side} the median of ${inWords(verdict.previous_median)}, ${span(phase.from, phase.to)}: the median is re-phased to ${inWords(phase.median)}.`;
    }
    default:
      return unhandled(verdict);
  }
}

/** A median in a sentence: to one decimal place, as every figure pace shows (the JSON keeps it exact). */
function inWords(value: number): string {
  return String(roundTo(value, 1));
}

/** Every verdict of an analysis as sentences, in reading order. */
export function describeVerdicts(analysis: SpcAnalysis, label?: PointLabel): string[] {
  return verdictsOf(analysis).map((verdict) => describeVerdict(verdict, analysis, label));
}

function centreName(basis: ClBasis): string {
  switch (basis) {
    case 'all points':
      return 'the median';
    case 'baseline':
      return 'the baseline median';
    case 'fixed':
      return 'the centre line';
    default:
      return unhandled(basis);
  }
}

function spanWords(from: number, to: number, nObs: number, label: PointLabel | undefined): string {
  if (label === undefined) return `points ${from}–${to}`;
  if (to === nObs) return `since ${label(from)}`;
  // Both ends in one month: "in May 2019", not "from May 2019 to May 2019".
  return label(from) === label(to) ? `in ${label(from)}` : `from ${label(from)} to ${label(to)}`;
}

function count(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function pointName(point: number, label: PointLabel | undefined): string {
  return label === undefined ? `Point ${point}` : `${label(point)} (point ${point})`;
}

function unhandled(value: never): never {
  throw new Error(`unhandled verdict: ${JSON.stringify(value)}`);
}
