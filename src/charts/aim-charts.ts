/**
 * An aim's four charts from domain results, each with the table of the same data (for the page's
 * table alternative and the CSV download). Page, report, CLI and download all call these.
 */
import { csvText } from './csv.js';
import type { Aim } from '../domain/aim.js';
import type { AimRunChart } from '../domain/aim-run-chart.js';
import type { AimSeries } from '../domain/aim-series.js';
import type { AimSurvival } from '../domain/aim-survival.js';
import { placementTypeLabels } from '../domain/codes.js';
import { monthWords, type PlainDate } from '../domain/date.js';
import { formatCount, roundTo, weeksWords } from '../domain/round.js';
import { stageMilestoneLabels, type Stage } from '../domain/stages.js';
import { describeTimescale, type Timescale } from '../domain/timescale.js';
import { runChartSvg, type RunChartMark } from './run-chart.js';
import { stageChartSvg } from './stage-chart.js';
import { survivalChartSvg } from './survival-chart.js';
import { waitingChartSvg } from './waiting-chart.js';

export interface ChartTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number | null)[])[];
}

/** A timescale in weeks for drawing; months are drawn at their average length, days as sevenths of a week. */
export function timescaleWeeks(timescale: Timescale): number {
  if (timescale.unit === 'days') return timescale.days / 7;
  return timescale.unit === 'weeks' ? timescale.weeks : (timescale.months * 365.25) / 12 / 7;
}

function aimLabel(aim: Aim): string {
  return `Aim: within ${describeTimescale(aim.timescale)}`;
}

/**
 * The run chart of an aim; `marks` are the tests of change that serve it (change-marks.ts); with
 * `hrefOf`, each dot is a link to its child. An `anonymous` chart (the poster's) names no child:
 * each dot's tooltip gives only its weeks and month.
 */
export function aimRunChartSvg(
  aim: Aim,
  chart: AimRunChart,
  programmeStart: PlainDate | null,
  marks: readonly RunChartMark[] = [],
  options: { hrefOf?: (childId: string) => string; size?: 'full' | 'small'; anonymous?: boolean } = {},
): string {
  const { hrefOf } = options;
  const points = options.anonymous ? chart.series.points.map((p) => ({ ...p, childId: '', title: `${weeksWords(p.weeks)} to the milestone, reached in ${monthWords(p.end)}` })) : chart.series.points;
  return runChartSvg({
    ...(hrefOf ? { links: { hrefOf, label: `Run chart of ${aim.name}: one dot a child, each a link to the child's record` } } : {}),
    ...(options.size ? { size: options.size } : {}),
    dotLabel: 'a child: weeks to the milestone',
    points,
    phases: chart.analysis.phases.map((p) => ({ kind: p.type, median: p.median, from: p.from, to: p.to })),
    highlighted: chart.highlighted,
    aimWeeks: timescaleWeeks(aim.timescale),
    aimLabel: aimLabel(aim),
    programmeStart,
    marks,
  });
}

export function runChartTable(chart: AimRunChart): ChartTable {
  const baseline = chart.series.baselineCount;
  return {
    columns: ['point', 'child_id', 'start', 'end', 'weeks', 'baseline', 'in_signal'],
    rows: chart.series.points.map((p) => [p.position, p.childId, p.start.toString(), p.end.toString(), roundTo(p.weeks), p.position <= baseline ? 'yes' : 'no', chart.highlighted.has(p.position) ? 'yes' : 'no']),
  };
}

/** The waiting chart of an aim; with `hrefOf`, each bar is a link to its child. */
export function aimWaitingChartSvg(aim: Aim, series: AimSeries, options: { hrefOf?: (childId: string) => string; maxBars?: number; size?: 'full' | 'small' } = {}): string {
  const { hrefOf } = options;
  return waitingChartSvg({
    ...(hrefOf ? { links: { hrefOf, label: `Waiting chart of ${aim.name}: one bar a child still waiting, each a link to the child's record` } } : {}),
    ...(options.maxBars !== undefined ? { maxBars: options.maxBars } : {}),
    ...(options.size ? { size: options.size } : {}),
    bars: series.waiting.map((w) => ({ childId: w.childId, weeks: w.weeks, overdue: w.overdue, placementLabel: w.placementType ? placementTypeLabels[w.placementType] : 'no current placement' })),
    aimWeeks: timescaleWeeks(aim.timescale),
    aimLabel: aimLabel(aim),
  });
}

export function waitingChartTable(series: AimSeries): ChartTable {
  return {
    columns: ['child_id', 'start', 'weeks_waiting', 'due', 'status', 'current_placement'],
    rows: series.waiting.map((w) => [w.childId, w.start.toString(), roundTo(w.weeks), w.due.toString(), w.overdue ? 'overdue' : 'waiting', w.placementType]),
  };
}

function stageLabel(stage: Stage): string {
  return `${stageMilestoneLabels[stage.from]} → ${stageMilestoneLabels[stage.to]}`;
}

export function aimStageChartSvg(stages: readonly Stage[], size: 'full' | 'small' = 'full'): string {
  return stageChartSvg(
    stages.map((s) => ({ label: stageLabel(s), n: s.n, medianDays: s.days?.median ?? null, q1Days: s.days?.q1 ?? null, q3Days: s.days?.q3 ?? null })),
    size,
  );
}

export function stageTable(stages: readonly Stage[]): ChartTable {
  return {
    columns: ['stage', 'n', 'median_days', 'lower_quartile_days', 'upper_quartile_days'],
    rows: stages.map((s) => [stageLabel(s), s.n, s.days ? roundTo(s.days.median) : null, s.days ? roundTo(s.days.q1) : null, s.days ? roundTo(s.days.q3) : null]),
  };
}

export function aimSurvivalChartSvg(aim: Aim, survival: AimSurvival, size: 'full' | 'small' = 'full'): string {
  const lines =
    survival.after === null
      ? [{ label: `All journeys (n = ${formatCount(survival.before.n)})`, steps: survival.before.steps }]
      : [
          { label: `Started before the programme (n = ${formatCount(survival.before.n)})`, steps: survival.before.steps },
          { label: `Started after (n = ${formatCount(survival.after.n)})`, steps: survival.after.steps },
        ];
  return survivalChartSvg({ lines, aimWeeks: timescaleWeeks(aim.timescale), aimLabel: aimLabel(aim), size });
}

export function survivalTable(survival: AimSurvival): ChartTable {
  const groups = survival.after === null ? [['all', survival.before] as const] : ([['before', survival.before], ['after', survival.after]] as const);
  return {
    columns: ['group', 'days', 'percent_still_waiting', 'at_risk', 'reached', 'still_waiting_censored'],
    rows: groups.flatMap(([group, curve]) => curve.steps.map((s) => [group, s.days, roundTo(s.stillWaiting * 100), s.atRisk, s.ended, s.censored])),
  };
}

/** A table as CSV (RFC 4180 quoting). A cell that a spreadsheet would run as a formula is prefixed with a quote mark. */
export function tableToCsv(table: ChartTable): string {
  return csvText(table.columns, table.rows);
}
