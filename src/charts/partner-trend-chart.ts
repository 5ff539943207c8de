/**
 * An aim month by month, or quarter by quarter, as a multi-agency partner sees it
 * (docs/decisions/0032-partner-charts-and-packs.md): one dot a month (a quarter) whose counts may be
 * published, its height the percentage in time; a month whose counts are hidden (`[c]`) is not
 * drawn. No dot is a link: a partner opens no list of children. Drawn by the same run chart as the
 * team's months and quarters (monthly-chart.ts), the aim's target as the aim line.
 */
import type { MonthlyRunChart, Period } from '../domain/monthly-run-chart.js';
import type { PartnerPeriod } from '../domain/partner-periods.js';
import type { PlainDate } from '../domain/date.js';
import { percentText } from './aim-months-chart.js';
import { monthlyRunChartSvg } from './monthly-chart.js';

/** One row of a chart's table: "March 2021", "66.7%", "10 of 15", or `[c]` for a hidden count. */
export interface PartnerTrendRow {
  readonly period: string;
  readonly percentage: string;
  readonly inTime: string;
  readonly n: string;
}

/** A month-by-month or quarter-by-quarter chart with its words and its table. */
export interface PartnerTrend {
  /** "Month by month: % in time". */
  readonly heading: string;
  readonly svg: string;
  /** A small drawing of the same chart, for the poster. */
  readonly smallSvg: string;
  /** What the chart shows, for a reader who cannot see it. */
  readonly alt: string;
  /** How many months (quarters) are drawn: none when every one is hidden, and then the page shows no empty chart. */
  readonly shown: number;
  /** What the run-chart rules say, worked on the points shown, and that they are. */
  readonly verdicts: readonly string[];
  /** Every month (quarter) of the chart, oldest first. */
  readonly rows: readonly PartnerTrendRow[];
}

export function partnerTrendSvg(
  aim: { readonly targetPercent: number | null },
  chart: MonthlyRunChart<PartnerPeriod>,
  periods: readonly PartnerPeriod[],
  period: Period,
  programmeStart: PlainDate | null,
  size: 'full' | 'small' = 'full',
): string {
  return monthlyRunChartSvg(chart, periods[0]?.month, programmeStart, {
    size,
    // The axis runs over every month, so that a hidden month is a gap where it falls.
    span: periods.length > 0 ? [(periods[0] as PartnerPeriod).month, (periods[periods.length - 1] as PartnerPeriod).month] : [],
    title: (p) => `${period.words(p.month)}: ${percentText(p.value as number)} in time (${String(p.inTime)} of ${String(p.n)})`,
    aim: aim.targetPercent === null ? null : { value: aim.targetPercent, label: `Aim: ${aim.targetPercent}% in time` },
    xLabel: `${period.one === 'month' ? 'Month' : 'Quarter'} the outcome was settled`,
    yLabel: '% in time',
    flatTop: 100,
    dotLabel: `a ${period.one}: % in time`,
    valueText: percentText,
    emptyText: `No ${period.one} has counts that may be shown (each is ${'[c]'})`,
  });
}
