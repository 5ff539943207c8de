/**
 * An aim month by month (src/domain/aim-months.ts) as a run chart: one dot a month, its height the
 * percentage in time of the journeys settled that month, the aim's target percentage as the aim
 * line when it has one, and the tests of change asked for marked (a test's page marks its own);
 * drawn by the same run chart as the aims' and the balancing measures'.
 */
import type { Aim } from '../domain/aim.js';
import type { AimMonth } from '../domain/aim-months.js';
import { monthWords, type PlainDate } from '../domain/date.js';
import type { MonthlyRunChart } from '../domain/monthly-run-chart.js';
import { monthlyRunChartSvg } from './monthly-chart.js';
import type { RunChartMark } from './run-chart.js';
import { formatCount } from '../domain/round.js';

export function percentText(value: number): string {
  return `${value.toFixed(1)}%`;
}

/** `hrefOf` takes the month as "2021-03": each dot a link to that month's journeys. */
export function aimMonthsChartSvg(aim: Aim, chart: MonthlyRunChart<AimMonth>, months: readonly AimMonth[], programmeStart: PlainDate | null, hrefOf?: (month: string) => string, marks: readonly RunChartMark[] = [], size: 'full' | 'small' = 'full'): string {
  return monthlyRunChartSvg(chart, months[0]?.month, programmeStart, {
    size,
    ...(hrefOf ? { links: { hrefOf, label: `${aim.name} month by month: one dot a month, each a link to that month's journeys` } } : {}),
    title: (m) => `${monthWords(m.month)}: ${percentText(m.value as number)} in time (${formatCount(m.inTime)} of ${formatCount(m.n)})`,
    aim: aim.targetPercent === null ? null : { value: aim.targetPercent, label: `Aim: ${aim.targetPercent}% in time` },
    marks,
    xLabel: 'Month the outcome was settled',
    yLabel: '% in time',
    flatTop: 100,
    dotLabel: 'a month: % in time',
    valueText: percentText,
    emptyText: 'No journey has been settled in these months yet',
  });
}
