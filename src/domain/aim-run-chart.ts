/**
 * An aim's run chart, analysed: the points and waiting bars (aim-series.ts), both rule sets with the
 * baseline of docs/run-charts.md ("Baseline for an aim's run chart") and re-phasing, and every
 * finding as a typed verdict. `aimRunChartWords` says them in plain words, naming months rather
 * than point numbers, for whoever presents them.
 */
import type { Aim } from './aim.js';
import { aimSeries, fallbackBaseline, minimumBaseline, type AimSeries, type BaselineRule } from './aim-series.js';
import { dateOfEpochDay, longDate, monthWords, type PlainDate } from './date.js';
import type { ChildRecord } from './records.js';
import { analyseSeries, describeVerdict, verdictsOf, type SpcAnalysis, type Verdict } from './spc/index.js';
import { formatCount } from './round.js';

export interface AimRunChart {
  readonly series: AimSeries;
  readonly analysis: SpcAnalysis;
  /** What the rules find, in reading order (words: `aimRunChartWords`). */
  readonly findings: readonly Verdict[];
  /**
   * Points that are part of a sign of change since the baseline: a shift or a trend that reaches
   * past it, or the run that re-phased the median. (A run wholly within the baseline is how things
   * were, not a change, and is not ringed.)
   */
  readonly highlighted: ReadonlySet<number>;
}


/** The run chart of an aim as at `asAt`, with its analysis. */
export function aimRunChart(aim: Aim, records: readonly ChildRecord[], asAt: PlainDate, programmeStart: PlainDate | null): AimRunChart {
  const series = aimSeries(aim, records, asAt, programmeStart);
  const analysis = analyseSeries(series.weeks, series.baselineCount > 0 ? { freeze: series.baselineCount, rephase: true } : {});
  let highlighted: ReadonlySet<number> | null = null;
  return {
    series,
    analysis,
    findings: verdictsOf(analysis),
    // Made when a chart or a list reads it, not for the figures: its spans can hold thousands of points.
    get highlighted() {
      highlighted ??= highlightedPoints(analysis, series.baselineCount);
      return highlighted;
    },
  };
}

function highlightedPoints(analysis: SpcAnalysis, baselineCount: number): ReadonlySet<number> {
  const highlighted = new Set<number>();
  const sinceBaseline = [...analysis.ihi.shifts, ...analysis.ihi.trends, ...analysis.phases.filter((p) => p.type === 'sustained')].filter((span) => span.to > baselineCount);
  for (const span of sinceBaseline) for (let p = span.from; p <= span.to; p++) highlighted.add(p);
  return highlighted;
}

/** The month a point's journey ended, "March 2025": how a reader finds a point. */
export function pointMonth(chart: AimRunChart, position: number): string {
  const endDays = chart.series.endDays;
  return position >= 1 && position <= endDays.length ? monthWords(dateOfEpochDay(endDays[position - 1] as number)) : `point ${position}`;
}

/** What the rules say, in words: the baseline first, then one sentence for each finding. */
export function aimRunChartWords(chart: AimRunChart): string[] {
  return [baselineWords(chart.series.baselineRule, chart.series.baselineCount), ...chart.findings.map((finding) => findingWords(chart, finding))];
}

/** One finding in words. */
export function findingWords(chart: AimRunChart, finding: Verdict): string {
  return describeVerdict(finding, chart.analysis, chart.series.endDays.length === 0 ? undefined : (position) => pointMonth(chart, position));
}

/** Says which points the baseline is, and why. */
export function baselineWords(rule: BaselineRule, count: number): string {
  if (count === 0) return 'No journey has reached its milestone yet, so there is no baseline.';
  switch (rule.kind) {
    case 'programme-start':
      return `The baseline is the ${formatCount(count)} journeys that ended before the programme start on ${longDate(rule.programmeStart)}.`;
    case 'first-points': {
      const why =
        rule.programmeStart === null
          ? 'no programme start date is set'
          : `only ${rule.beforeStart} ${rule.beforeStart === 1 ? 'journey' : 'journeys'} ended before the programme start on ${longDate(rule.programmeStart)} (at least ${minimumBaseline} are needed)`;
      return count < fallbackBaseline ? `The baseline is all ${count} points so far, because ${why}.` : `The baseline is the first ${count} points, because ${why}.`;
    }
    default:
      return unreachable(rule);
  }
}

function unreachable(value: never): never {
  throw new Error(`unhandled baseline rule: ${JSON.stringify(value)}`);
}
