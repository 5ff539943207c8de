/**
 * An aim quarter by quarter (src/domain/aim-quarters.ts) as two run charts: the percentage in time
 * of the journeys settled in each quarter (the aim's target as the aim line), and the median weeks
 * of those completed in it (the timescale as the aim line); each dot a link to its quarter's
 * journeys. Drawn by the same run chart as month by month.
 */
import type { Aim } from '../domain/aim.js';
import type { AimQuarter } from '../domain/aim-quarters.js';
import { quarterKey } from '../domain/aim-quarters.js';
import { parseMonth } from '../domain/aim-months.js';
import type { PlainDate } from '../domain/date.js';
import { quarterPeriod, type MonthlyRunChart } from '../domain/monthly-run-chart.js';
import { describeTimescale } from '../domain/timescale.js';
import { timescaleWeeks } from './aim-charts.js';
import { percentText } from './aim-months-chart.js';
import { monthlyRunChartSvg } from './monthly-chart.js';
import { formatCount } from '../domain/round.js';

/** `hrefOf` takes the quarter as "2021-Q1": each dot a link to that quarter's journeys. */
export function aimQuartersChartSvg(aim: Aim, chart: MonthlyRunChart<AimQuarter>, quarters: readonly AimQuarter[], programmeStart: PlainDate | null, hrefOf?: (quarter: string) => string, size: 'full' | 'small' = 'full'): string {
  return monthlyRunChartSvg(chart, quarters[0]?.month, programmeStart, {
    size,
    ...(hrefOf ? { links: { hrefOf: (month) => hrefOf(quarterOf(month)), label: `${aim.name} quarter by quarter: one dot a quarter, each a link to that quarter's journeys` } } : {}),
    title: (q) => `${quarterPeriod.words(q.month)}: ${percentText(q.value as number)} in time (${formatCount(q.inTime)} of ${formatCount(q.n)})`,
    aim: aim.targetPercent === null ? null : { value: aim.targetPercent, label: `Aim: ${aim.targetPercent}% in time` },
    xLabel: 'Quarter the outcome was settled',
    yLabel: '% in time',
    flatTop: 100,
    dotLabel: 'a quarter: % in time',
    valueText: percentText,
    emptyText: 'No journey has been settled in these quarters yet',
  });
}

/** The median weeks of each quarter's completed journeys as a run chart (`chart` made from the quarters with their medians as values). */
export function aimQuarterMediansChartSvg(aim: Aim, chart: MonthlyRunChart<AimQuarter>, quarters: readonly AimQuarter[], programmeStart: PlainDate | null, hrefOf?: (quarter: string) => string, size: 'full' | 'small' = 'full'): string {
  const timescale = timescaleWeeks(aim.timescale);
  return monthlyRunChartSvg(chart, quarters[0]?.month, programmeStart, {
    size,
    ...(hrefOf ? { links: { hrefOf: (month) => hrefOf(quarterOf(month)), label: `${aim.name}: median weeks quarter by quarter, each dot a link to that quarter's journeys` } } : {}),
    title: (q) => `${quarterPeriod.words(q.month)}: median ${weeksText(q.medianWeeks as number)} (${q.completed} completed)`,
    aim: { value: timescale, label: `Timescale: ${describeTimescale(aim.timescale)}` },
    xLabel: 'Quarter the milestone was reached',
    yLabel: 'Median weeks',
    dotLabel: 'a quarter: median weeks',
    valueText: weeksText,
    emptyText: 'No journey was completed in these quarters yet',
  });
}

function weeksText(weeks: number): string {
  return `${weeks.toFixed(1)} weeks`;
}

/** The run chart names a point by its first month ("2021-01"): its quarter, "2021-Q1". */
function quarterOf(month: string): string {
  const first = parseMonth(month);
  return first ? quarterKey(first) : month;
}
